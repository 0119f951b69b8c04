/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $Array = $util.global.Array, $Boolean = $util.global.Boolean, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite;

var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.faast = (function() {

    var faast = {};

    faast.v1 = (function() {

        var v1 = {};

        v1.AppFrame = (function() {

            var AppFrame = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            AppFrame.prototype.id = 0;
            AppFrame.prototype.get = null;
            AppFrame.prototype.getReply = null;
            AppFrame.prototype.head = null;
            AppFrame.prototype.headReply = null;
            AppFrame.prototype.notifyWrite = null;
            AppFrame.prototype.notifyWriteReply = null;
            AppFrame.prototype.invalidate = null;
            AppFrame.prototype.invalidateReply = null;
            AppFrame.prototype.error = null;
            AppFrame.prototype.invalidation = null;
            AppFrame.prototype.holderAck = null;
            AppFrame.prototype.ack = null;
            AppFrame.prototype.getDone = null;
            AppFrame.prototype.cancel = null;

            var $oneOfFields;

            $Object.defineProperty(AppFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["get", "getReply", "head", "headReply", "notifyWrite", "notifyWriteReply", "invalidate", "invalidateReply", "error", "invalidation", "holderAck", "ack", "getDone", "cancel"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            AppFrame.create = function(properties) {
                return new AppFrame(properties);
            };

            AppFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(8).uint32(message.id);
                if (message.get != null && $Object.hasOwnProperty.call(message, "get"))
                    $root.faast.v1.GetRequest.encode(message.get, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.getReply != null && $Object.hasOwnProperty.call(message, "getReply"))
                    $root.faast.v1.GetReply.encode(message.getReply, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.head != null && $Object.hasOwnProperty.call(message, "head"))
                    $root.faast.v1.HeadRequest.encode(message.head, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.headReply != null && $Object.hasOwnProperty.call(message, "headReply"))
                    $root.faast.v1.HeadReply.encode(message.headReply, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.notifyWrite != null && $Object.hasOwnProperty.call(message, "notifyWrite"))
                    $root.faast.v1.NotifyWriteRequest.encode(message.notifyWrite, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.notifyWriteReply != null && $Object.hasOwnProperty.call(message, "notifyWriteReply"))
                    $root.faast.v1.NotifyWriteReply.encode(message.notifyWriteReply, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.invalidate != null && $Object.hasOwnProperty.call(message, "invalidate"))
                    $root.faast.v1.InvalidateRequest.encode(message.invalidate, writer.uint32(66).fork(), _depth + 1).ldelim();
                if (message.invalidateReply != null && $Object.hasOwnProperty.call(message, "invalidateReply"))
                    $root.faast.v1.InvalidateReply.encode(message.invalidateReply, writer.uint32(74).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.faast.v1.AppError.encode(message.error, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.invalidation != null && $Object.hasOwnProperty.call(message, "invalidation"))
                    $root.faast.v1.HolderInvalidation.encode(message.invalidation, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.holderAck != null && $Object.hasOwnProperty.call(message, "holderAck"))
                    $root.faast.v1.HolderAck.encode(message.holderAck, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.faast.v1.Ack.encode(message.ack, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.getDone != null && $Object.hasOwnProperty.call(message, "getDone"))
                    $root.faast.v1.GetDone.encode(message.getDone, writer.uint32(114).fork(), _depth + 1).ldelim();
                if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel"))
                    $root.faast.v1.Cancel.encode(message.cancel, writer.uint32(122).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            AppFrame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.AppFrame();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.get = $root.faast.v1.GetRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.get);
                            message.body = "get";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.getReply = $root.faast.v1.GetReply.decode(reader, reader.size(), $undefined, _depth + 1, message.getReply);
                            message.body = "getReply";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.head = $root.faast.v1.HeadRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.head);
                            message.body = "head";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.headReply = $root.faast.v1.HeadReply.decode(reader, reader.size(), $undefined, _depth + 1, message.headReply);
                            message.body = "headReply";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.notifyWrite = $root.faast.v1.NotifyWriteRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.notifyWrite);
                            message.body = "notifyWrite";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.notifyWriteReply = $root.faast.v1.NotifyWriteReply.decode(reader, reader.size(), $undefined, _depth + 1, message.notifyWriteReply);
                            message.body = "notifyWriteReply";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.invalidate = $root.faast.v1.InvalidateRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.invalidate);
                            message.body = "invalidate";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.invalidateReply = $root.faast.v1.InvalidateReply.decode(reader, reader.size(), $undefined, _depth + 1, message.invalidateReply);
                            message.body = "invalidateReply";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.faast.v1.AppError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.invalidation = $root.faast.v1.HolderInvalidation.decode(reader, reader.size(), $undefined, _depth + 1, message.invalidation);
                            message.body = "invalidation";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.holderAck = $root.faast.v1.HolderAck.decode(reader, reader.size(), $undefined, _depth + 1, message.holderAck);
                            message.body = "holderAck";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.faast.v1.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.body = "ack";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.getDone = $root.faast.v1.GetDone.decode(reader, reader.size(), $undefined, _depth + 1, message.getDone);
                            message.body = "getDone";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.cancel = $root.faast.v1.Cancel.decode(reader, reader.size(), $undefined, _depth + 1, message.cancel);
                            message.body = "cancel";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            AppFrame.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.AppFrame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.AppFrame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.AppFrame();
                if (object.id != null)
                    if ($Number(object.id) !== 0)
                        message.id = object.id >>> 0;
                if (object.get != null) {
                    if (!$util.isObject(object.get))
                        throw $TypeError(".faast.v1.AppFrame.get: object expected");
                    message.get = $root.faast.v1.GetRequest.fromObject(object.get, _depth + 1);
                }
                if (object.getReply != null) {
                    if (!$util.isObject(object.getReply))
                        throw $TypeError(".faast.v1.AppFrame.getReply: object expected");
                    message.getReply = $root.faast.v1.GetReply.fromObject(object.getReply, _depth + 1);
                }
                if (object.head != null) {
                    if (!$util.isObject(object.head))
                        throw $TypeError(".faast.v1.AppFrame.head: object expected");
                    message.head = $root.faast.v1.HeadRequest.fromObject(object.head, _depth + 1);
                }
                if (object.headReply != null) {
                    if (!$util.isObject(object.headReply))
                        throw $TypeError(".faast.v1.AppFrame.headReply: object expected");
                    message.headReply = $root.faast.v1.HeadReply.fromObject(object.headReply, _depth + 1);
                }
                if (object.notifyWrite != null) {
                    if (!$util.isObject(object.notifyWrite))
                        throw $TypeError(".faast.v1.AppFrame.notifyWrite: object expected");
                    message.notifyWrite = $root.faast.v1.NotifyWriteRequest.fromObject(object.notifyWrite, _depth + 1);
                }
                if (object.notifyWriteReply != null) {
                    if (!$util.isObject(object.notifyWriteReply))
                        throw $TypeError(".faast.v1.AppFrame.notifyWriteReply: object expected");
                    message.notifyWriteReply = $root.faast.v1.NotifyWriteReply.fromObject(object.notifyWriteReply, _depth + 1);
                }
                if (object.invalidate != null) {
                    if (!$util.isObject(object.invalidate))
                        throw $TypeError(".faast.v1.AppFrame.invalidate: object expected");
                    message.invalidate = $root.faast.v1.InvalidateRequest.fromObject(object.invalidate, _depth + 1);
                }
                if (object.invalidateReply != null) {
                    if (!$util.isObject(object.invalidateReply))
                        throw $TypeError(".faast.v1.AppFrame.invalidateReply: object expected");
                    message.invalidateReply = $root.faast.v1.InvalidateReply.fromObject(object.invalidateReply, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".faast.v1.AppFrame.error: object expected");
                    message.error = $root.faast.v1.AppError.fromObject(object.error, _depth + 1);
                }
                if (object.invalidation != null) {
                    if (!$util.isObject(object.invalidation))
                        throw $TypeError(".faast.v1.AppFrame.invalidation: object expected");
                    message.invalidation = $root.faast.v1.HolderInvalidation.fromObject(object.invalidation, _depth + 1);
                }
                if (object.holderAck != null) {
                    if (!$util.isObject(object.holderAck))
                        throw $TypeError(".faast.v1.AppFrame.holderAck: object expected");
                    message.holderAck = $root.faast.v1.HolderAck.fromObject(object.holderAck, _depth + 1);
                }
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw $TypeError(".faast.v1.AppFrame.ack: object expected");
                    message.ack = $root.faast.v1.Ack.fromObject(object.ack, _depth + 1);
                }
                if (object.getDone != null) {
                    if (!$util.isObject(object.getDone))
                        throw $TypeError(".faast.v1.AppFrame.getDone: object expected");
                    message.getDone = $root.faast.v1.GetDone.fromObject(object.getDone, _depth + 1);
                }
                if (object.cancel != null) {
                    if (!$util.isObject(object.cancel))
                        throw $TypeError(".faast.v1.AppFrame.cancel: object expected");
                    message.cancel = $root.faast.v1.Cancel.fromObject(object.cancel, _depth + 1);
                }
                return message;
            };

            AppFrame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults)
                    object.id = 0;
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.get != null && $Object.hasOwnProperty.call(message, "get")) {
                    object.get = $root.faast.v1.GetRequest.toObject(message.get, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "get";
                }
                if (message.getReply != null && $Object.hasOwnProperty.call(message, "getReply")) {
                    object.getReply = $root.faast.v1.GetReply.toObject(message.getReply, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "getReply";
                }
                if (message.head != null && $Object.hasOwnProperty.call(message, "head")) {
                    object.head = $root.faast.v1.HeadRequest.toObject(message.head, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "head";
                }
                if (message.headReply != null && $Object.hasOwnProperty.call(message, "headReply")) {
                    object.headReply = $root.faast.v1.HeadReply.toObject(message.headReply, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "headReply";
                }
                if (message.notifyWrite != null && $Object.hasOwnProperty.call(message, "notifyWrite")) {
                    object.notifyWrite = $root.faast.v1.NotifyWriteRequest.toObject(message.notifyWrite, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "notifyWrite";
                }
                if (message.notifyWriteReply != null && $Object.hasOwnProperty.call(message, "notifyWriteReply")) {
                    object.notifyWriteReply = $root.faast.v1.NotifyWriteReply.toObject(message.notifyWriteReply, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "notifyWriteReply";
                }
                if (message.invalidate != null && $Object.hasOwnProperty.call(message, "invalidate")) {
                    object.invalidate = $root.faast.v1.InvalidateRequest.toObject(message.invalidate, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "invalidate";
                }
                if (message.invalidateReply != null && $Object.hasOwnProperty.call(message, "invalidateReply")) {
                    object.invalidateReply = $root.faast.v1.InvalidateReply.toObject(message.invalidateReply, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "invalidateReply";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.faast.v1.AppError.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.invalidation != null && $Object.hasOwnProperty.call(message, "invalidation")) {
                    object.invalidation = $root.faast.v1.HolderInvalidation.toObject(message.invalidation, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "invalidation";
                }
                if (message.holderAck != null && $Object.hasOwnProperty.call(message, "holderAck")) {
                    object.holderAck = $root.faast.v1.HolderAck.toObject(message.holderAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "holderAck";
                }
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.faast.v1.Ack.toObject(message.ack, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ack";
                }
                if (message.getDone != null && $Object.hasOwnProperty.call(message, "getDone")) {
                    object.getDone = $root.faast.v1.GetDone.toObject(message.getDone, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "getDone";
                }
                if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel")) {
                    object.cancel = $root.faast.v1.Cancel.toObject(message.cancel, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "cancel";
                }
                return object;
            };

            AppFrame.prototype.toJSON = function() {
                return AppFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AppFrame;
        })();

        v1.Ack = (function() {

            var Ack = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Ack.create = function(properties) {
                return new Ack(properties);
            };

            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.Ack();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Ack.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.Ack)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.Ack: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.faast.v1.Ack();
            };

            Ack.toObject = function () {
                return {};
            };

            Ack.prototype.toJSON = function() {
                return Ack.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ack;
        })();

        v1.GetDone = (function() {

            var GetDone = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GetDone.create = function(properties) {
                return new GetDone(properties);
            };

            GetDone.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GetDone.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.GetDone();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GetDone.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.GetDone)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.GetDone: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.faast.v1.GetDone();
            };

            GetDone.toObject = function () {
                return {};
            };

            GetDone.prototype.toJSON = function() {
                return GetDone.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetDone;
        })();

        v1.Cancel = (function() {

            var Cancel = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Cancel.create = function(properties) {
                return new Cancel(properties);
            };

            Cancel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Cancel.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.Cancel();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Cancel.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.Cancel)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.Cancel: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.faast.v1.Cancel();
            };

            Cancel.toObject = function () {
                return {};
            };

            Cancel.prototype.toJSON = function() {
                return Cancel.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Cancel;
        })();

        v1.Code = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OK"] = 0;
            values[valuesById[1] = "CANCELLED"] = 1;
            values[valuesById[2] = "UNKNOWN"] = 2;
            values[valuesById[3] = "INVALID_ARGUMENT"] = 3;
            values[valuesById[4] = "DEADLINE_EXCEEDED"] = 4;
            values[valuesById[5] = "NOT_FOUND"] = 5;
            values[valuesById[6] = "ALREADY_EXISTS"] = 6;
            values[valuesById[7] = "PERMISSION_DENIED"] = 7;
            values[valuesById[8] = "RESOURCE_EXHAUSTED"] = 8;
            values[valuesById[9] = "FAILED_PRECONDITION"] = 9;
            values[valuesById[10] = "ABORTED"] = 10;
            values[valuesById[11] = "OUT_OF_RANGE"] = 11;
            values[valuesById[12] = "UNIMPLEMENTED"] = 12;
            values[valuesById[13] = "INTERNAL"] = 13;
            values[valuesById[14] = "UNAVAILABLE"] = 14;
            return values;
        })();

        v1.Reason = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BAD_REQUEST"] = 1;
            values[valuesById[2] = "BAD_KEY"] = 2;
            values[valuesById[3] = "BAD_RANGE"] = 3;
            values[valuesById[4] = "NOT_SERVED_BUCKET"] = 4;
            values[valuesById[5] = "ORIGIN_ERROR"] = 5;
            values[valuesById[6] = "CHANGED_AT_ORIGIN"] = 6;
            values[valuesById[7] = "STARTING"] = 7;
            values[valuesById[8] = "DRAINING"] = 8;
            values[valuesById[9] = "FRAME_TOO_LARGE"] = 9;
            values[valuesById[10] = "MALFORMED_FRAME"] = 10;
            values[valuesById[11] = "TOO_MANY_IN_FLIGHT"] = 11;
            values[valuesById[12] = "BULK_NOT_TAKEN"] = 12;
            values[valuesById[13] = "UNKNOWN_REQUEST"] = 13;
            values[valuesById[14] = "INTERNAL_ERROR"] = 14;
            return values;
        })();

        v1.AppError = (function() {

            var AppError = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            AppError.prototype.code = 0;
            AppError.prototype.reason = 0;
            AppError.prototype.message = "";

            AppError.create = function(properties) {
                return new AppError(properties);
            };

            AppError.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(8).int32(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(16).int32(message.reason);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(26).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            AppError.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.AppError();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            AppError.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.AppError)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.AppError: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.AppError();
                if (object.code !== 0 && (typeof object.code !== "string" || $root.faast.v1.Code[object.code] !== 0))
                    switch (object.code) {
                    case "OK":
                    case 0:
                        message.code = 0;
                        break;
                    case "CANCELLED":
                    case 1:
                        message.code = 1;
                        break;
                    case "UNKNOWN":
                    case 2:
                        message.code = 2;
                        break;
                    case "INVALID_ARGUMENT":
                    case 3:
                        message.code = 3;
                        break;
                    case "DEADLINE_EXCEEDED":
                    case 4:
                        message.code = 4;
                        break;
                    case "NOT_FOUND":
                    case 5:
                        message.code = 5;
                        break;
                    case "ALREADY_EXISTS":
                    case 6:
                        message.code = 6;
                        break;
                    case "PERMISSION_DENIED":
                    case 7:
                        message.code = 7;
                        break;
                    case "RESOURCE_EXHAUSTED":
                    case 8:
                        message.code = 8;
                        break;
                    case "FAILED_PRECONDITION":
                    case 9:
                        message.code = 9;
                        break;
                    case "ABORTED":
                    case 10:
                        message.code = 10;
                        break;
                    case "OUT_OF_RANGE":
                    case 11:
                        message.code = 11;
                        break;
                    case "UNIMPLEMENTED":
                    case 12:
                        message.code = 12;
                        break;
                    case "INTERNAL":
                    case 13:
                        message.code = 13;
                        break;
                    case "UNAVAILABLE":
                    case 14:
                        message.code = 14;
                        break;
                    default:
                        if (typeof object.code === "number" && (object.code | 0) === object.code)
                            message.code = object.code;
                    }
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.faast.v1.Reason[object.reason] !== 0))
                    switch (object.reason) {
                    case "REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "BAD_REQUEST":
                    case 1:
                        message.reason = 1;
                        break;
                    case "BAD_KEY":
                    case 2:
                        message.reason = 2;
                        break;
                    case "BAD_RANGE":
                    case 3:
                        message.reason = 3;
                        break;
                    case "NOT_SERVED_BUCKET":
                    case 4:
                        message.reason = 4;
                        break;
                    case "ORIGIN_ERROR":
                    case 5:
                        message.reason = 5;
                        break;
                    case "CHANGED_AT_ORIGIN":
                    case 6:
                        message.reason = 6;
                        break;
                    case "STARTING":
                    case 7:
                        message.reason = 7;
                        break;
                    case "DRAINING":
                    case 8:
                        message.reason = 8;
                        break;
                    case "FRAME_TOO_LARGE":
                    case 9:
                        message.reason = 9;
                        break;
                    case "MALFORMED_FRAME":
                    case 10:
                        message.reason = 10;
                        break;
                    case "TOO_MANY_IN_FLIGHT":
                    case 11:
                        message.reason = 11;
                        break;
                    case "BULK_NOT_TAKEN":
                    case 12:
                        message.reason = 12;
                        break;
                    case "UNKNOWN_REQUEST":
                    case 13:
                        message.reason = 13;
                        break;
                    case "INTERNAL_ERROR":
                    case 14:
                        message.reason = 14;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            AppError.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.code = options.enums === $String ? "OK" : 0;
                    object.reason = options.enums === $String ? "REASON_UNSPECIFIED" : 0;
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = options.enums === $String ? $root.faast.v1.Code[message.code] === $undefined ? message.code : $root.faast.v1.Code[message.code] : message.code;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.faast.v1.Reason[message.reason] === $undefined ? message.reason : $root.faast.v1.Reason[message.reason] : message.reason;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            AppError.prototype.toJSON = function() {
                return AppError.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AppError;
        })();

        v1.HolderInvalidation = (function() {

            var HolderInvalidation = function (properties) {
                this.refs = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HolderInvalidation.prototype.seq = 0;
            HolderInvalidation.prototype.refs = $util.emptyArray;
            HolderInvalidation.prototype.all = false;

            HolderInvalidation.create = function(properties) {
                return new HolderInvalidation(properties);
            };

            HolderInvalidation.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                    writer.uint32(8).uint32(message.seq);
                if (message.refs != null && message.refs.length)
                    for (var i = 0; i < message.refs.length; ++i)
                        $root.faast.v1.ObjectRef.encode(message.refs[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.all != null && $Object.hasOwnProperty.call(message, "all") && message.all !== false)
                    writer.uint32(24).bool(message.all);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HolderInvalidation.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.HolderInvalidation();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.refs && message.refs.length))
                                message.refs = [];
                            message.refs.push($root.faast.v1.ObjectRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.all = value;
                            else
                                delete message.all;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            HolderInvalidation.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.HolderInvalidation)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.HolderInvalidation: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.HolderInvalidation();
                if (object.seq != null)
                    if ($Number(object.seq) !== 0)
                        message.seq = object.seq >>> 0;
                if (object.refs) {
                    if (!$Array.isArray(object.refs))
                        throw $TypeError(".faast.v1.HolderInvalidation.refs: array expected");
                    message.refs = $Array(object.refs.length);
                    for (var i = 0; i < object.refs.length; ++i) {
                        if (!$util.isObject(object.refs[i]))
                            throw $TypeError(".faast.v1.HolderInvalidation.refs: object expected");
                        message.refs[i] = $root.faast.v1.ObjectRef.fromObject(object.refs[i], _depth + 1);
                    }
                }
                if (object.all != null)
                    if (object.all)
                        message.all = $Boolean(object.all);
                return message;
            };

            HolderInvalidation.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.refs = [];
                if (options.defaults) {
                    object.seq = 0;
                    object.all = false;
                }
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    object.seq = message.seq;
                if (message.refs && message.refs.length) {
                    object.refs = $Array(message.refs.length);
                    for (var j = 0; j < message.refs.length; ++j)
                        object.refs[j] = $root.faast.v1.ObjectRef.toObject(message.refs[j], options, _depth + 1);
                }
                if (message.all != null && $Object.hasOwnProperty.call(message, "all"))
                    object.all = message.all;
                return object;
            };

            HolderInvalidation.prototype.toJSON = function() {
                return HolderInvalidation.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HolderInvalidation;
        })();

        v1.HolderAck = (function() {

            var HolderAck = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HolderAck.prototype.seq = 0;

            HolderAck.create = function(properties) {
                return new HolderAck(properties);
            };

            HolderAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                    writer.uint32(8).uint32(message.seq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HolderAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.HolderAck();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            HolderAck.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.HolderAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.HolderAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.HolderAck();
                if (object.seq != null)
                    if ($Number(object.seq) !== 0)
                        message.seq = object.seq >>> 0;
                return message;
            };

            HolderAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults)
                    object.seq = 0;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    object.seq = message.seq;
                return object;
            };

            HolderAck.prototype.toJSON = function() {
                return HolderAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HolderAck;
        })();

        v1.ObjectRef = (function() {

            var ObjectRef = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ObjectRef.prototype.bucket = "";
            ObjectRef.prototype.key = "";

            ObjectRef.create = function(properties) {
                return new ObjectRef(properties);
            };

            ObjectRef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bucket != null && $Object.hasOwnProperty.call(message, "bucket") && message.bucket !== "")
                    writer.uint32(10).string(message.bucket);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(18).string(message.key);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ObjectRef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.ObjectRef();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bucket = value;
                            else
                                delete message.bucket;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ObjectRef.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.ObjectRef)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.ObjectRef: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.ObjectRef();
                if (object.bucket != null)
                    if (typeof object.bucket !== "string" || object.bucket.length)
                        message.bucket = $String(object.bucket);
                if (object.key != null)
                    if (typeof object.key !== "string" || object.key.length)
                        message.key = $String(object.key);
                return message;
            };

            ObjectRef.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.bucket = "";
                    object.key = "";
                }
                if (message.bucket != null && $Object.hasOwnProperty.call(message, "bucket"))
                    object.bucket = message.bucket;
                if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                    object.key = message.key;
                return object;
            };

            ObjectRef.prototype.toJSON = function() {
                return ObjectRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ObjectRef;
        })();

        v1.ObjectMeta = (function() {

            var ObjectMeta = function (properties) {
                this.userMetadata = {};
                this.headers = {};
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ObjectMeta.prototype.etag = "";
            ObjectMeta.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ObjectMeta.prototype.lastModifiedMs = null;
            ObjectMeta.prototype.contentType = "";
            ObjectMeta.prototype.userMetadata = $util.emptyObject;
            ObjectMeta.prototype.headers = $util.emptyObject;

            var $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ObjectMeta.prototype, "_lastModifiedMs", {
                get: $util.oneOfGetter($oneOfFields = ["lastModifiedMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ObjectMeta.create = function(properties) {
                return new ObjectMeta(properties);
            };

            ObjectMeta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.etag != null && $Object.hasOwnProperty.call(message, "etag") && message.etag !== "")
                    writer.uint32(10).string(message.etag);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(16).uint64(message.size);
                if (message.lastModifiedMs != null && $Object.hasOwnProperty.call(message, "lastModifiedMs"))
                    writer.uint32(24).int64(message.lastModifiedMs);
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType") && message.contentType !== "")
                    writer.uint32(34).string(message.contentType);
                if (message.userMetadata != null && $Object.hasOwnProperty.call(message, "userMetadata"))
                    for (var keys = $Object.keys(message.userMetadata), i = 0; i < keys.length; ++i)
                        writer.uint32(42).fork().uint32(10).string(keys[i]).uint32(18).string(message.userMetadata[keys[i]]).ldelim();
                if (message.headers != null && $Object.hasOwnProperty.call(message, "headers"))
                    for (var keys = $Object.keys(message.headers), i = 0; i < keys.length; ++i)
                        writer.uint32(50).fork().uint32(10).string(keys[i]).uint32(18).string(message.headers[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ObjectMeta.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.ObjectMeta();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.etag = value;
                            else
                                delete message.etag;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.lastModifiedMs = reader.int64();
                            message._lastModifiedMs = "lastModifiedMs";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contentType = value;
                            else
                                delete message.contentType;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (message.userMetadata === $util.emptyObject)
                                message.userMetadata = {};
                            var end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.userMetadata, key);
                            message.userMetadata[key] = value;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (message.headers === $util.emptyObject)
                                message.headers = {};
                            var end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.headers, key);
                            message.headers[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ObjectMeta.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.ObjectMeta)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.ObjectMeta: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.ObjectMeta();
                if (object.etag != null)
                    if (typeof object.etag !== "string" || object.etag.length)
                        message.etag = $String(object.etag);
                if (object.size != null)
                    if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                        if ($util.Long)
                            message.size = $util.Long.fromValue(object.size, true);
                        else if (typeof object.size === "string")
                            message.size = $parseInt(object.size, 10);
                        else if (typeof object.size === "number")
                            message.size = object.size;
                        else if (typeof object.size === "object")
                            message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber(true);
                if (object.lastModifiedMs != null)
                    if ($util.Long)
                        message.lastModifiedMs = $util.Long.fromValue(object.lastModifiedMs, false);
                    else if (typeof object.lastModifiedMs === "string")
                        message.lastModifiedMs = $parseInt(object.lastModifiedMs, 10);
                    else if (typeof object.lastModifiedMs === "number")
                        message.lastModifiedMs = object.lastModifiedMs;
                    else if (typeof object.lastModifiedMs === "object")
                        message.lastModifiedMs = new $util.LongBits(object.lastModifiedMs.low >>> 0, object.lastModifiedMs.high >>> 0).toNumber();
                if (object.contentType != null)
                    if (typeof object.contentType !== "string" || object.contentType.length)
                        message.contentType = $String(object.contentType);
                if (object.userMetadata) {
                    if (!$util.isObject(object.userMetadata))
                        throw $TypeError(".faast.v1.ObjectMeta.userMetadata: object expected");
                    message.userMetadata = {};
                    for (var keys = $Object.keys(object.userMetadata), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.userMetadata, keys[i]);
                        message.userMetadata[keys[i]] = $String(object.userMetadata[keys[i]]);
                    }
                }
                if (object.headers) {
                    if (!$util.isObject(object.headers))
                        throw $TypeError(".faast.v1.ObjectMeta.headers: object expected");
                    message.headers = {};
                    for (var keys = $Object.keys(object.headers), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.headers, keys[i]);
                        message.headers[keys[i]] = $String(object.headers[keys[i]]);
                    }
                }
                return message;
            };

            ObjectMeta.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.objects || options.defaults) {
                    object.userMetadata = {};
                    object.headers = {};
                }
                if (options.defaults) {
                    object.etag = "";
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.contentType = "";
                }
                if (message.etag != null && $Object.hasOwnProperty.call(message, "etag"))
                    object.etag = message.etag;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, true).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === $String ? $String(message.size) : message.size;
                    else
                        object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber(true) : message.size;
                if (message.lastModifiedMs != null && $Object.hasOwnProperty.call(message, "lastModifiedMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastModifiedMs = typeof message.lastModifiedMs === "number" ? $BigInt(message.lastModifiedMs) : $util.Long.fromBits(message.lastModifiedMs.low >>> 0, message.lastModifiedMs.high >>> 0, false).toBigInt();
                    else if (typeof message.lastModifiedMs === "number")
                        object.lastModifiedMs = options.longs === $String ? $String(message.lastModifiedMs) : message.lastModifiedMs;
                    else
                        object.lastModifiedMs = options.longs === $String ? $util.Long.prototype.toString.call(message.lastModifiedMs) : options.longs === $Number ? new $util.LongBits(message.lastModifiedMs.low >>> 0, message.lastModifiedMs.high >>> 0).toNumber() : message.lastModifiedMs;
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                var keys2;
                if (message.userMetadata && (keys2 = $Object.keys(message.userMetadata)).length) {
                    object.userMetadata = {};
                    for (var j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.userMetadata, keys2[j]);
                        object.userMetadata[keys2[j]] = message.userMetadata[keys2[j]];
                    }
                }
                if (message.headers && (keys2 = $Object.keys(message.headers)).length) {
                    object.headers = {};
                    for (var j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.headers, keys2[j]);
                        object.headers[keys2[j]] = message.headers[keys2[j]];
                    }
                }
                return object;
            };

            ObjectMeta.prototype.toJSON = function() {
                return ObjectMeta.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ObjectMeta;
        })();

        v1.Status = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OK"] = 1;
            values[valuesById[2] = "PARTIAL_CONTENT"] = 2;
            values[valuesById[3] = "NOT_MODIFIED"] = 3;
            values[valuesById[4] = "PRECONDITION_FAILED"] = 4;
            values[valuesById[5] = "RANGE_NOT_SATISFIABLE"] = 5;
            values[valuesById[6] = "NOT_FOUND"] = 6;
            values[valuesById[7] = "CHUNKED"] = 7;
            return values;
        })();

        v1.Conditions = (function() {

            var Conditions = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Conditions.prototype.ifMatch = null;
            Conditions.prototype.ifNoneMatch = null;
            Conditions.prototype.ifModifiedSinceMs = null;
            Conditions.prototype.ifUnmodifiedSinceMs = null;

            var $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Conditions.prototype, "_ifMatch", {
                get: $util.oneOfGetter($oneOfFields = ["ifMatch"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Conditions.prototype, "_ifNoneMatch", {
                get: $util.oneOfGetter($oneOfFields = ["ifNoneMatch"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Conditions.prototype, "_ifModifiedSinceMs", {
                get: $util.oneOfGetter($oneOfFields = ["ifModifiedSinceMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Conditions.prototype, "_ifUnmodifiedSinceMs", {
                get: $util.oneOfGetter($oneOfFields = ["ifUnmodifiedSinceMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Conditions.create = function(properties) {
                return new Conditions(properties);
            };

            Conditions.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ifMatch != null && $Object.hasOwnProperty.call(message, "ifMatch"))
                    writer.uint32(10).string(message.ifMatch);
                if (message.ifNoneMatch != null && $Object.hasOwnProperty.call(message, "ifNoneMatch"))
                    writer.uint32(18).string(message.ifNoneMatch);
                if (message.ifModifiedSinceMs != null && $Object.hasOwnProperty.call(message, "ifModifiedSinceMs"))
                    writer.uint32(24).int64(message.ifModifiedSinceMs);
                if (message.ifUnmodifiedSinceMs != null && $Object.hasOwnProperty.call(message, "ifUnmodifiedSinceMs"))
                    writer.uint32(32).int64(message.ifUnmodifiedSinceMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Conditions.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.Conditions();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.ifMatch = reader.stringVerify();
                            message._ifMatch = "ifMatch";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ifNoneMatch = reader.stringVerify();
                            message._ifNoneMatch = "ifNoneMatch";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.ifModifiedSinceMs = reader.int64();
                            message._ifModifiedSinceMs = "ifModifiedSinceMs";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.ifUnmodifiedSinceMs = reader.int64();
                            message._ifUnmodifiedSinceMs = "ifUnmodifiedSinceMs";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Conditions.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.Conditions)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.Conditions: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.Conditions();
                if (object.ifMatch != null)
                    message.ifMatch = $String(object.ifMatch);
                if (object.ifNoneMatch != null)
                    message.ifNoneMatch = $String(object.ifNoneMatch);
                if (object.ifModifiedSinceMs != null)
                    if ($util.Long)
                        message.ifModifiedSinceMs = $util.Long.fromValue(object.ifModifiedSinceMs, false);
                    else if (typeof object.ifModifiedSinceMs === "string")
                        message.ifModifiedSinceMs = $parseInt(object.ifModifiedSinceMs, 10);
                    else if (typeof object.ifModifiedSinceMs === "number")
                        message.ifModifiedSinceMs = object.ifModifiedSinceMs;
                    else if (typeof object.ifModifiedSinceMs === "object")
                        message.ifModifiedSinceMs = new $util.LongBits(object.ifModifiedSinceMs.low >>> 0, object.ifModifiedSinceMs.high >>> 0).toNumber();
                if (object.ifUnmodifiedSinceMs != null)
                    if ($util.Long)
                        message.ifUnmodifiedSinceMs = $util.Long.fromValue(object.ifUnmodifiedSinceMs, false);
                    else if (typeof object.ifUnmodifiedSinceMs === "string")
                        message.ifUnmodifiedSinceMs = $parseInt(object.ifUnmodifiedSinceMs, 10);
                    else if (typeof object.ifUnmodifiedSinceMs === "number")
                        message.ifUnmodifiedSinceMs = object.ifUnmodifiedSinceMs;
                    else if (typeof object.ifUnmodifiedSinceMs === "object")
                        message.ifUnmodifiedSinceMs = new $util.LongBits(object.ifUnmodifiedSinceMs.low >>> 0, object.ifUnmodifiedSinceMs.high >>> 0).toNumber();
                return message;
            };

            Conditions.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (message.ifMatch != null && $Object.hasOwnProperty.call(message, "ifMatch"))
                    object.ifMatch = message.ifMatch;
                if (message.ifNoneMatch != null && $Object.hasOwnProperty.call(message, "ifNoneMatch"))
                    object.ifNoneMatch = message.ifNoneMatch;
                if (message.ifModifiedSinceMs != null && $Object.hasOwnProperty.call(message, "ifModifiedSinceMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.ifModifiedSinceMs = typeof message.ifModifiedSinceMs === "number" ? $BigInt(message.ifModifiedSinceMs) : $util.Long.fromBits(message.ifModifiedSinceMs.low >>> 0, message.ifModifiedSinceMs.high >>> 0, false).toBigInt();
                    else if (typeof message.ifModifiedSinceMs === "number")
                        object.ifModifiedSinceMs = options.longs === $String ? $String(message.ifModifiedSinceMs) : message.ifModifiedSinceMs;
                    else
                        object.ifModifiedSinceMs = options.longs === $String ? $util.Long.prototype.toString.call(message.ifModifiedSinceMs) : options.longs === $Number ? new $util.LongBits(message.ifModifiedSinceMs.low >>> 0, message.ifModifiedSinceMs.high >>> 0).toNumber() : message.ifModifiedSinceMs;
                if (message.ifUnmodifiedSinceMs != null && $Object.hasOwnProperty.call(message, "ifUnmodifiedSinceMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.ifUnmodifiedSinceMs = typeof message.ifUnmodifiedSinceMs === "number" ? $BigInt(message.ifUnmodifiedSinceMs) : $util.Long.fromBits(message.ifUnmodifiedSinceMs.low >>> 0, message.ifUnmodifiedSinceMs.high >>> 0, false).toBigInt();
                    else if (typeof message.ifUnmodifiedSinceMs === "number")
                        object.ifUnmodifiedSinceMs = options.longs === $String ? $String(message.ifUnmodifiedSinceMs) : message.ifUnmodifiedSinceMs;
                    else
                        object.ifUnmodifiedSinceMs = options.longs === $String ? $util.Long.prototype.toString.call(message.ifUnmodifiedSinceMs) : options.longs === $Number ? new $util.LongBits(message.ifUnmodifiedSinceMs.low >>> 0, message.ifUnmodifiedSinceMs.high >>> 0).toNumber() : message.ifUnmodifiedSinceMs;
                return object;
            };

            Conditions.prototype.toJSON = function() {
                return Conditions.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Conditions;
        })();

        v1.GetRequest = (function() {

            var GetRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GetRequest.prototype.ref = null;
            GetRequest.prototype.range = null;
            GetRequest.prototype.conditions = null;
            GetRequest.prototype.bulk = false;
            GetRequest.prototype.hold = false;

            var $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GetRequest.prototype, "_range", {
                get: $util.oneOfGetter($oneOfFields = ["range"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GetRequest.create = function(properties) {
                return new GetRequest(properties);
            };

            GetRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.faast.v1.ObjectRef.encode(message.ref, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.range != null && $Object.hasOwnProperty.call(message, "range"))
                    writer.uint32(18).string(message.range);
                if (message.conditions != null && $Object.hasOwnProperty.call(message, "conditions"))
                    $root.faast.v1.Conditions.encode(message.conditions, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.bulk != null && $Object.hasOwnProperty.call(message, "bulk") && message.bulk !== false)
                    writer.uint32(32).bool(message.bulk);
                if (message.hold != null && $Object.hasOwnProperty.call(message, "hold") && message.hold !== false)
                    writer.uint32(40).bool(message.hold);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GetRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.GetRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.faast.v1.ObjectRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.range = reader.stringVerify();
                            message._range = "range";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.conditions = $root.faast.v1.Conditions.decode(reader, reader.size(), $undefined, _depth + 1, message.conditions);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.bulk = value;
                            else
                                delete message.bulk;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.hold = value;
                            else
                                delete message.hold;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GetRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.GetRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.GetRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.GetRequest();
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".faast.v1.GetRequest.ref: object expected");
                    message.ref = $root.faast.v1.ObjectRef.fromObject(object.ref, _depth + 1);
                }
                if (object.range != null)
                    message.range = $String(object.range);
                if (object.conditions != null) {
                    if (!$util.isObject(object.conditions))
                        throw $TypeError(".faast.v1.GetRequest.conditions: object expected");
                    message.conditions = $root.faast.v1.Conditions.fromObject(object.conditions, _depth + 1);
                }
                if (object.bulk != null)
                    if (object.bulk)
                        message.bulk = $Boolean(object.bulk);
                if (object.hold != null)
                    if (object.hold)
                        message.hold = $Boolean(object.hold);
                return message;
            };

            GetRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.ref = null;
                    object.conditions = null;
                    object.bulk = false;
                    object.hold = false;
                }
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.faast.v1.ObjectRef.toObject(message.ref, options, _depth + 1);
                if (message.range != null && $Object.hasOwnProperty.call(message, "range"))
                    object.range = message.range;
                if (message.conditions != null && $Object.hasOwnProperty.call(message, "conditions"))
                    object.conditions = $root.faast.v1.Conditions.toObject(message.conditions, options, _depth + 1);
                if (message.bulk != null && $Object.hasOwnProperty.call(message, "bulk"))
                    object.bulk = message.bulk;
                if (message.hold != null && $Object.hasOwnProperty.call(message, "hold"))
                    object.hold = message.hold;
                return object;
            };

            GetRequest.prototype.toJSON = function() {
                return GetRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetRequest;
        })();

        v1.Source = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SOURCE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "HIT"] = 1;
            values[valuesById[2] = "MISS"] = 2;
            values[valuesById[3] = "PASS_THROUGH"] = 3;
            return values;
        })();

        v1.GetHeader = (function() {

            var GetHeader = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GetHeader.prototype.status = 0;
            GetHeader.prototype.meta = null;
            GetHeader.prototype.rangeStart = null;
            GetHeader.prototype.rangeEnd = null;
            GetHeader.prototype.contentLength = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GetHeader.prototype.source = 0;
            GetHeader.prototype.bulkToken = $util.newBuffer([]);
            GetHeader.prototype.held = false;

            var $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GetHeader.prototype, "_rangeStart", {
                get: $util.oneOfGetter($oneOfFields = ["rangeStart"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GetHeader.prototype, "_rangeEnd", {
                get: $util.oneOfGetter($oneOfFields = ["rangeEnd"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GetHeader.create = function(properties) {
                return new GetHeader(properties);
            };

            GetHeader.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(8).int32(message.status);
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    $root.faast.v1.ObjectMeta.encode(message.meta, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.rangeStart != null && $Object.hasOwnProperty.call(message, "rangeStart"))
                    writer.uint32(24).uint64(message.rangeStart);
                if (message.rangeEnd != null && $Object.hasOwnProperty.call(message, "rangeEnd"))
                    writer.uint32(32).uint64(message.rangeEnd);
                if (message.contentLength != null && $Object.hasOwnProperty.call(message, "contentLength") && (typeof message.contentLength === "object" ? message.contentLength.low || message.contentLength.high : message.contentLength !== 0))
                    writer.uint32(40).uint64(message.contentLength);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== 0)
                    writer.uint32(48).int32(message.source);
                if (message.bulkToken != null && $Object.hasOwnProperty.call(message, "bulkToken") && message.bulkToken.length)
                    writer.uint32(58).bytes(message.bulkToken);
                if (message.held != null && $Object.hasOwnProperty.call(message, "held") && message.held !== false)
                    writer.uint32(64).bool(message.held);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GetHeader.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.GetHeader();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.meta = $root.faast.v1.ObjectMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.meta);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.rangeStart = reader.uint64();
                            message._rangeStart = "rangeStart";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.rangeEnd = reader.uint64();
                            message._rangeEnd = "rangeEnd";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.contentLength = value;
                            else
                                delete message.contentLength;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.bulkToken = value;
                            else
                                delete message.bulkToken;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.held = value;
                            else
                                delete message.held;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GetHeader.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.GetHeader)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.GetHeader: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.GetHeader();
                if (object.status !== 0 && (typeof object.status !== "string" || $root.faast.v1.Status[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "OK":
                    case 1:
                        message.status = 1;
                        break;
                    case "PARTIAL_CONTENT":
                    case 2:
                        message.status = 2;
                        break;
                    case "NOT_MODIFIED":
                    case 3:
                        message.status = 3;
                        break;
                    case "PRECONDITION_FAILED":
                    case 4:
                        message.status = 4;
                        break;
                    case "RANGE_NOT_SATISFIABLE":
                    case 5:
                        message.status = 5;
                        break;
                    case "NOT_FOUND":
                    case 6:
                        message.status = 6;
                        break;
                    case "CHUNKED":
                    case 7:
                        message.status = 7;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.meta != null) {
                    if (!$util.isObject(object.meta))
                        throw $TypeError(".faast.v1.GetHeader.meta: object expected");
                    message.meta = $root.faast.v1.ObjectMeta.fromObject(object.meta, _depth + 1);
                }
                if (object.rangeStart != null)
                    if ($util.Long)
                        message.rangeStart = $util.Long.fromValue(object.rangeStart, true);
                    else if (typeof object.rangeStart === "string")
                        message.rangeStart = $parseInt(object.rangeStart, 10);
                    else if (typeof object.rangeStart === "number")
                        message.rangeStart = object.rangeStart;
                    else if (typeof object.rangeStart === "object")
                        message.rangeStart = new $util.LongBits(object.rangeStart.low >>> 0, object.rangeStart.high >>> 0).toNumber(true);
                if (object.rangeEnd != null)
                    if ($util.Long)
                        message.rangeEnd = $util.Long.fromValue(object.rangeEnd, true);
                    else if (typeof object.rangeEnd === "string")
                        message.rangeEnd = $parseInt(object.rangeEnd, 10);
                    else if (typeof object.rangeEnd === "number")
                        message.rangeEnd = object.rangeEnd;
                    else if (typeof object.rangeEnd === "object")
                        message.rangeEnd = new $util.LongBits(object.rangeEnd.low >>> 0, object.rangeEnd.high >>> 0).toNumber(true);
                if (object.contentLength != null)
                    if (typeof object.contentLength === "object" ? object.contentLength.low || object.contentLength.high : $Number(object.contentLength) !== 0)
                        if ($util.Long)
                            message.contentLength = $util.Long.fromValue(object.contentLength, true);
                        else if (typeof object.contentLength === "string")
                            message.contentLength = $parseInt(object.contentLength, 10);
                        else if (typeof object.contentLength === "number")
                            message.contentLength = object.contentLength;
                        else if (typeof object.contentLength === "object")
                            message.contentLength = new $util.LongBits(object.contentLength.low >>> 0, object.contentLength.high >>> 0).toNumber(true);
                if (object.source !== 0 && (typeof object.source !== "string" || $root.faast.v1.Source[object.source] !== 0))
                    switch (object.source) {
                    case "SOURCE_UNSPECIFIED":
                    case 0:
                        message.source = 0;
                        break;
                    case "HIT":
                    case 1:
                        message.source = 1;
                        break;
                    case "MISS":
                    case 2:
                        message.source = 2;
                        break;
                    case "PASS_THROUGH":
                    case 3:
                        message.source = 3;
                        break;
                    default:
                        if (typeof object.source === "number" && (object.source | 0) === object.source)
                            message.source = object.source;
                    }
                if (object.bulkToken != null)
                    if (object.bulkToken.length)
                        if (typeof object.bulkToken === "string")
                            $util.base64.decode(object.bulkToken, message.bulkToken = $util.newBuffer($util.base64.length(object.bulkToken)), 0);
                        else if (object.bulkToken.length >= 0)
                            message.bulkToken = object.bulkToken;
                if (object.held != null)
                    if (object.held)
                        message.held = $Boolean(object.held);
                return message;
            };

            GetHeader.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                    object.meta = null;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.contentLength = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.contentLength = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.source = options.enums === $String ? "SOURCE_UNSPECIFIED" : 0;
                    if (options.bytes === $String)
                        object.bulkToken = "";
                    else {
                        object.bulkToken = [];
                        if (options.bytes !== $Array)
                            object.bulkToken = $util.newBuffer(object.bulkToken);
                    }
                    object.held = false;
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.faast.v1.Status[message.status] === $undefined ? message.status : $root.faast.v1.Status[message.status] : message.status;
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    object.meta = $root.faast.v1.ObjectMeta.toObject(message.meta, options, _depth + 1);
                if (message.rangeStart != null && $Object.hasOwnProperty.call(message, "rangeStart"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.rangeStart = typeof message.rangeStart === "number" ? $BigInt(message.rangeStart) : $util.Long.fromBits(message.rangeStart.low >>> 0, message.rangeStart.high >>> 0, true).toBigInt();
                    else if (typeof message.rangeStart === "number")
                        object.rangeStart = options.longs === $String ? $String(message.rangeStart) : message.rangeStart;
                    else
                        object.rangeStart = options.longs === $String ? $util.Long.prototype.toString.call(message.rangeStart) : options.longs === $Number ? new $util.LongBits(message.rangeStart.low >>> 0, message.rangeStart.high >>> 0).toNumber(true) : message.rangeStart;
                if (message.rangeEnd != null && $Object.hasOwnProperty.call(message, "rangeEnd"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.rangeEnd = typeof message.rangeEnd === "number" ? $BigInt(message.rangeEnd) : $util.Long.fromBits(message.rangeEnd.low >>> 0, message.rangeEnd.high >>> 0, true).toBigInt();
                    else if (typeof message.rangeEnd === "number")
                        object.rangeEnd = options.longs === $String ? $String(message.rangeEnd) : message.rangeEnd;
                    else
                        object.rangeEnd = options.longs === $String ? $util.Long.prototype.toString.call(message.rangeEnd) : options.longs === $Number ? new $util.LongBits(message.rangeEnd.low >>> 0, message.rangeEnd.high >>> 0).toNumber(true) : message.rangeEnd;
                if (message.contentLength != null && $Object.hasOwnProperty.call(message, "contentLength"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.contentLength = typeof message.contentLength === "number" ? $BigInt(message.contentLength) : $util.Long.fromBits(message.contentLength.low >>> 0, message.contentLength.high >>> 0, true).toBigInt();
                    else if (typeof message.contentLength === "number")
                        object.contentLength = options.longs === $String ? $String(message.contentLength) : message.contentLength;
                    else
                        object.contentLength = options.longs === $String ? $util.Long.prototype.toString.call(message.contentLength) : options.longs === $Number ? new $util.LongBits(message.contentLength.low >>> 0, message.contentLength.high >>> 0).toNumber(true) : message.contentLength;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = options.enums === $String ? $root.faast.v1.Source[message.source] === $undefined ? message.source : $root.faast.v1.Source[message.source] : message.source;
                if (message.bulkToken != null && $Object.hasOwnProperty.call(message, "bulkToken"))
                    object.bulkToken = options.bytes === $String ? $util.base64.encode(message.bulkToken, 0, message.bulkToken.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.bulkToken) : message.bulkToken;
                if (message.held != null && $Object.hasOwnProperty.call(message, "held"))
                    object.held = message.held;
                return object;
            };

            GetHeader.prototype.toJSON = function() {
                return GetHeader.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetHeader;
        })();

        v1.GetReply = (function() {

            var GetReply = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GetReply.prototype.header = null;
            GetReply.prototype.data = $util.newBuffer([]);

            GetReply.create = function(properties) {
                return new GetReply(properties);
            };

            GetReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.faast.v1.GetHeader.encode(message.header, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(18).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GetReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.GetReply();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.faast.v1.GetHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GetReply.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.GetReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.GetReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.GetReply();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".faast.v1.GetReply.header: object expected");
                    message.header = $root.faast.v1.GetHeader.fromObject(object.header, _depth + 1);
                }
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                return message;
            };

            GetReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.header = null;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.faast.v1.GetHeader.toObject(message.header, options, _depth + 1);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            GetReply.prototype.toJSON = function() {
                return GetReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetReply;
        })();

        v1.HeadRequest = (function() {

            var HeadRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HeadRequest.prototype.ref = null;
            HeadRequest.prototype.conditions = null;

            HeadRequest.create = function(properties) {
                return new HeadRequest(properties);
            };

            HeadRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.faast.v1.ObjectRef.encode(message.ref, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.conditions != null && $Object.hasOwnProperty.call(message, "conditions"))
                    $root.faast.v1.Conditions.encode(message.conditions, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HeadRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.HeadRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.faast.v1.ObjectRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.conditions = $root.faast.v1.Conditions.decode(reader, reader.size(), $undefined, _depth + 1, message.conditions);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            HeadRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.HeadRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.HeadRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.HeadRequest();
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".faast.v1.HeadRequest.ref: object expected");
                    message.ref = $root.faast.v1.ObjectRef.fromObject(object.ref, _depth + 1);
                }
                if (object.conditions != null) {
                    if (!$util.isObject(object.conditions))
                        throw $TypeError(".faast.v1.HeadRequest.conditions: object expected");
                    message.conditions = $root.faast.v1.Conditions.fromObject(object.conditions, _depth + 1);
                }
                return message;
            };

            HeadRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.ref = null;
                    object.conditions = null;
                }
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.faast.v1.ObjectRef.toObject(message.ref, options, _depth + 1);
                if (message.conditions != null && $Object.hasOwnProperty.call(message, "conditions"))
                    object.conditions = $root.faast.v1.Conditions.toObject(message.conditions, options, _depth + 1);
                return object;
            };

            HeadRequest.prototype.toJSON = function() {
                return HeadRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HeadRequest;
        })();

        v1.HeadReply = (function() {

            var HeadReply = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HeadReply.prototype.status = 0;
            HeadReply.prototype.meta = null;
            HeadReply.prototype.source = 0;

            HeadReply.create = function(properties) {
                return new HeadReply(properties);
            };

            HeadReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(8).int32(message.status);
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    $root.faast.v1.ObjectMeta.encode(message.meta, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== 0)
                    writer.uint32(24).int32(message.source);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HeadReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.HeadReply();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.meta = $root.faast.v1.ObjectMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.meta);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            HeadReply.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.HeadReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.HeadReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.HeadReply();
                if (object.status !== 0 && (typeof object.status !== "string" || $root.faast.v1.Status[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "OK":
                    case 1:
                        message.status = 1;
                        break;
                    case "PARTIAL_CONTENT":
                    case 2:
                        message.status = 2;
                        break;
                    case "NOT_MODIFIED":
                    case 3:
                        message.status = 3;
                        break;
                    case "PRECONDITION_FAILED":
                    case 4:
                        message.status = 4;
                        break;
                    case "RANGE_NOT_SATISFIABLE":
                    case 5:
                        message.status = 5;
                        break;
                    case "NOT_FOUND":
                    case 6:
                        message.status = 6;
                        break;
                    case "CHUNKED":
                    case 7:
                        message.status = 7;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.meta != null) {
                    if (!$util.isObject(object.meta))
                        throw $TypeError(".faast.v1.HeadReply.meta: object expected");
                    message.meta = $root.faast.v1.ObjectMeta.fromObject(object.meta, _depth + 1);
                }
                if (object.source !== 0 && (typeof object.source !== "string" || $root.faast.v1.Source[object.source] !== 0))
                    switch (object.source) {
                    case "SOURCE_UNSPECIFIED":
                    case 0:
                        message.source = 0;
                        break;
                    case "HIT":
                    case 1:
                        message.source = 1;
                        break;
                    case "MISS":
                    case 2:
                        message.source = 2;
                        break;
                    case "PASS_THROUGH":
                    case 3:
                        message.source = 3;
                        break;
                    default:
                        if (typeof object.source === "number" && (object.source | 0) === object.source)
                            message.source = object.source;
                    }
                return message;
            };

            HeadReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                    object.meta = null;
                    object.source = options.enums === $String ? "SOURCE_UNSPECIFIED" : 0;
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.faast.v1.Status[message.status] === $undefined ? message.status : $root.faast.v1.Status[message.status] : message.status;
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    object.meta = $root.faast.v1.ObjectMeta.toObject(message.meta, options, _depth + 1);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = options.enums === $String ? $root.faast.v1.Source[message.source] === $undefined ? message.source : $root.faast.v1.Source[message.source] : message.source;
                return object;
            };

            HeadReply.prototype.toJSON = function() {
                return HeadReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HeadReply;
        })();

        v1.NotifyWriteRequest = (function() {

            var NotifyWriteRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            NotifyWriteRequest.prototype.ref = null;
            NotifyWriteRequest.prototype.etag = "";

            NotifyWriteRequest.create = function(properties) {
                return new NotifyWriteRequest(properties);
            };

            NotifyWriteRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.faast.v1.ObjectRef.encode(message.ref, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.etag != null && $Object.hasOwnProperty.call(message, "etag") && message.etag !== "")
                    writer.uint32(18).string(message.etag);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            NotifyWriteRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.NotifyWriteRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.faast.v1.ObjectRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.etag = value;
                            else
                                delete message.etag;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            NotifyWriteRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.NotifyWriteRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.NotifyWriteRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.NotifyWriteRequest();
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".faast.v1.NotifyWriteRequest.ref: object expected");
                    message.ref = $root.faast.v1.ObjectRef.fromObject(object.ref, _depth + 1);
                }
                if (object.etag != null)
                    if (typeof object.etag !== "string" || object.etag.length)
                        message.etag = $String(object.etag);
                return message;
            };

            NotifyWriteRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.ref = null;
                    object.etag = "";
                }
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.faast.v1.ObjectRef.toObject(message.ref, options, _depth + 1);
                if (message.etag != null && $Object.hasOwnProperty.call(message, "etag"))
                    object.etag = message.etag;
                return object;
            };

            NotifyWriteRequest.prototype.toJSON = function() {
                return NotifyWriteRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NotifyWriteRequest;
        })();

        v1.NotifyWriteReply = (function() {

            var NotifyWriteReply = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            NotifyWriteReply.create = function(properties) {
                return new NotifyWriteReply(properties);
            };

            NotifyWriteReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            NotifyWriteReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.NotifyWriteReply();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            NotifyWriteReply.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.NotifyWriteReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.NotifyWriteReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.faast.v1.NotifyWriteReply();
            };

            NotifyWriteReply.toObject = function () {
                return {};
            };

            NotifyWriteReply.prototype.toJSON = function() {
                return NotifyWriteReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NotifyWriteReply;
        })();

        v1.InvalidateRequest = (function() {

            var InvalidateRequest = function (properties) {
                this.refs = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            InvalidateRequest.prototype.refs = $util.emptyArray;

            InvalidateRequest.create = function(properties) {
                return new InvalidateRequest(properties);
            };

            InvalidateRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.refs != null && message.refs.length)
                    for (var i = 0; i < message.refs.length; ++i)
                        $root.faast.v1.ObjectRef.encode(message.refs[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            InvalidateRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.InvalidateRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.refs && message.refs.length))
                                message.refs = [];
                            message.refs.push($root.faast.v1.ObjectRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            InvalidateRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.InvalidateRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.InvalidateRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.InvalidateRequest();
                if (object.refs) {
                    if (!$Array.isArray(object.refs))
                        throw $TypeError(".faast.v1.InvalidateRequest.refs: array expected");
                    message.refs = $Array(object.refs.length);
                    for (var i = 0; i < object.refs.length; ++i) {
                        if (!$util.isObject(object.refs[i]))
                            throw $TypeError(".faast.v1.InvalidateRequest.refs: object expected");
                        message.refs[i] = $root.faast.v1.ObjectRef.fromObject(object.refs[i], _depth + 1);
                    }
                }
                return message;
            };

            InvalidateRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.refs = [];
                if (message.refs && message.refs.length) {
                    object.refs = $Array(message.refs.length);
                    for (var j = 0; j < message.refs.length; ++j)
                        object.refs[j] = $root.faast.v1.ObjectRef.toObject(message.refs[j], options, _depth + 1);
                }
                return object;
            };

            InvalidateRequest.prototype.toJSON = function() {
                return InvalidateRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return InvalidateRequest;
        })();

        v1.InvalidateReply = (function() {

            var InvalidateReply = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            InvalidateReply.prototype.dropped = 0;

            InvalidateReply.create = function(properties) {
                return new InvalidateReply(properties);
            };

            InvalidateReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dropped != null && $Object.hasOwnProperty.call(message, "dropped") && message.dropped !== 0)
                    writer.uint32(8).uint32(message.dropped);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            InvalidateReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.InvalidateReply();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.dropped = value;
                            else
                                delete message.dropped;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            InvalidateReply.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.InvalidateReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.InvalidateReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.InvalidateReply();
                if (object.dropped != null)
                    if ($Number(object.dropped) !== 0)
                        message.dropped = object.dropped >>> 0;
                return message;
            };

            InvalidateReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults)
                    object.dropped = 0;
                if (message.dropped != null && $Object.hasOwnProperty.call(message, "dropped"))
                    object.dropped = message.dropped;
                return object;
            };

            InvalidateReply.prototype.toJSON = function() {
                return InvalidateReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return InvalidateReply;
        })();

        v1.StatsRequest = (function() {

            var StatsRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            StatsRequest.create = function(properties) {
                return new StatsRequest(properties);
            };

            StatsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            StatsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.StatsRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            StatsRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.StatsRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.StatsRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.faast.v1.StatsRequest();
            };

            StatsRequest.toObject = function () {
                return {};
            };

            StatsRequest.prototype.toJSON = function() {
                return StatsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatsRequest;
        })();

        v1.StatsReply = (function() {

            var StatsReply = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            StatsReply.prototype.app = "";
            StatsReply.prototype.origin = "";
            StatsReply.prototype.hits = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.misses = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.coalesced = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.passThrough = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.notFound = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.originErrors = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.bytesServed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.bytesFromOrigin = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.originRequests = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.objects = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.bytesUsed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.capacityBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.evictions = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.invalidations = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.badRequests = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.heads = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.maxObjectBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.uptimeSeconds = 0;
            StatsReply.prototype.forwarded = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.peerServed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.replicaHits = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.validations = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.peerErrors = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.peerFallbacks = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.notOwner = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.revalidations = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.replicaObjects = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.replicaBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.ring = null;
            StatsReply.prototype.chunkedReads = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.chunkHits = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.chunkMisses = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.chunkPeerFetches = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.chunkPassThrough = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.versionChanges = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.chunkReplicaHits = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            StatsReply.create = function(properties) {
                return new StatsReply(properties);
            };

            StatsReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                    writer.uint32(10).string(message.app);
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin") && message.origin !== "")
                    writer.uint32(18).string(message.origin);
                if (message.hits != null && $Object.hasOwnProperty.call(message, "hits") && (typeof message.hits === "object" ? message.hits.low || message.hits.high : message.hits !== 0))
                    writer.uint32(24).uint64(message.hits);
                if (message.misses != null && $Object.hasOwnProperty.call(message, "misses") && (typeof message.misses === "object" ? message.misses.low || message.misses.high : message.misses !== 0))
                    writer.uint32(32).uint64(message.misses);
                if (message.coalesced != null && $Object.hasOwnProperty.call(message, "coalesced") && (typeof message.coalesced === "object" ? message.coalesced.low || message.coalesced.high : message.coalesced !== 0))
                    writer.uint32(40).uint64(message.coalesced);
                if (message.passThrough != null && $Object.hasOwnProperty.call(message, "passThrough") && (typeof message.passThrough === "object" ? message.passThrough.low || message.passThrough.high : message.passThrough !== 0))
                    writer.uint32(48).uint64(message.passThrough);
                if (message.notFound != null && $Object.hasOwnProperty.call(message, "notFound") && (typeof message.notFound === "object" ? message.notFound.low || message.notFound.high : message.notFound !== 0))
                    writer.uint32(56).uint64(message.notFound);
                if (message.originErrors != null && $Object.hasOwnProperty.call(message, "originErrors") && (typeof message.originErrors === "object" ? message.originErrors.low || message.originErrors.high : message.originErrors !== 0))
                    writer.uint32(64).uint64(message.originErrors);
                if (message.bytesServed != null && $Object.hasOwnProperty.call(message, "bytesServed") && (typeof message.bytesServed === "object" ? message.bytesServed.low || message.bytesServed.high : message.bytesServed !== 0))
                    writer.uint32(72).uint64(message.bytesServed);
                if (message.bytesFromOrigin != null && $Object.hasOwnProperty.call(message, "bytesFromOrigin") && (typeof message.bytesFromOrigin === "object" ? message.bytesFromOrigin.low || message.bytesFromOrigin.high : message.bytesFromOrigin !== 0))
                    writer.uint32(80).uint64(message.bytesFromOrigin);
                if (message.originRequests != null && $Object.hasOwnProperty.call(message, "originRequests") && (typeof message.originRequests === "object" ? message.originRequests.low || message.originRequests.high : message.originRequests !== 0))
                    writer.uint32(88).uint64(message.originRequests);
                if (message.objects != null && $Object.hasOwnProperty.call(message, "objects") && (typeof message.objects === "object" ? message.objects.low || message.objects.high : message.objects !== 0))
                    writer.uint32(96).uint64(message.objects);
                if (message.bytesUsed != null && $Object.hasOwnProperty.call(message, "bytesUsed") && (typeof message.bytesUsed === "object" ? message.bytesUsed.low || message.bytesUsed.high : message.bytesUsed !== 0))
                    writer.uint32(104).uint64(message.bytesUsed);
                if (message.capacityBytes != null && $Object.hasOwnProperty.call(message, "capacityBytes") && (typeof message.capacityBytes === "object" ? message.capacityBytes.low || message.capacityBytes.high : message.capacityBytes !== 0))
                    writer.uint32(112).uint64(message.capacityBytes);
                if (message.evictions != null && $Object.hasOwnProperty.call(message, "evictions") && (typeof message.evictions === "object" ? message.evictions.low || message.evictions.high : message.evictions !== 0))
                    writer.uint32(120).uint64(message.evictions);
                if (message.invalidations != null && $Object.hasOwnProperty.call(message, "invalidations") && (typeof message.invalidations === "object" ? message.invalidations.low || message.invalidations.high : message.invalidations !== 0))
                    writer.uint32(128).uint64(message.invalidations);
                if (message.badRequests != null && $Object.hasOwnProperty.call(message, "badRequests") && (typeof message.badRequests === "object" ? message.badRequests.low || message.badRequests.high : message.badRequests !== 0))
                    writer.uint32(136).uint64(message.badRequests);
                if (message.heads != null && $Object.hasOwnProperty.call(message, "heads") && (typeof message.heads === "object" ? message.heads.low || message.heads.high : message.heads !== 0))
                    writer.uint32(144).uint64(message.heads);
                if (message.maxObjectBytes != null && $Object.hasOwnProperty.call(message, "maxObjectBytes") && (typeof message.maxObjectBytes === "object" ? message.maxObjectBytes.low || message.maxObjectBytes.high : message.maxObjectBytes !== 0))
                    writer.uint32(152).uint64(message.maxObjectBytes);
                if (message.uptimeSeconds != null && $Object.hasOwnProperty.call(message, "uptimeSeconds") && !$Object.is(message.uptimeSeconds, 0))
                    writer.uint32(161).double(message.uptimeSeconds);
                if (message.forwarded != null && $Object.hasOwnProperty.call(message, "forwarded") && (typeof message.forwarded === "object" ? message.forwarded.low || message.forwarded.high : message.forwarded !== 0))
                    writer.uint32(168).uint64(message.forwarded);
                if (message.peerServed != null && $Object.hasOwnProperty.call(message, "peerServed") && (typeof message.peerServed === "object" ? message.peerServed.low || message.peerServed.high : message.peerServed !== 0))
                    writer.uint32(176).uint64(message.peerServed);
                if (message.replicaHits != null && $Object.hasOwnProperty.call(message, "replicaHits") && (typeof message.replicaHits === "object" ? message.replicaHits.low || message.replicaHits.high : message.replicaHits !== 0))
                    writer.uint32(184).uint64(message.replicaHits);
                if (message.validations != null && $Object.hasOwnProperty.call(message, "validations") && (typeof message.validations === "object" ? message.validations.low || message.validations.high : message.validations !== 0))
                    writer.uint32(192).uint64(message.validations);
                if (message.peerErrors != null && $Object.hasOwnProperty.call(message, "peerErrors") && (typeof message.peerErrors === "object" ? message.peerErrors.low || message.peerErrors.high : message.peerErrors !== 0))
                    writer.uint32(200).uint64(message.peerErrors);
                if (message.peerFallbacks != null && $Object.hasOwnProperty.call(message, "peerFallbacks") && (typeof message.peerFallbacks === "object" ? message.peerFallbacks.low || message.peerFallbacks.high : message.peerFallbacks !== 0))
                    writer.uint32(208).uint64(message.peerFallbacks);
                if (message.notOwner != null && $Object.hasOwnProperty.call(message, "notOwner") && (typeof message.notOwner === "object" ? message.notOwner.low || message.notOwner.high : message.notOwner !== 0))
                    writer.uint32(216).uint64(message.notOwner);
                if (message.revalidations != null && $Object.hasOwnProperty.call(message, "revalidations") && (typeof message.revalidations === "object" ? message.revalidations.low || message.revalidations.high : message.revalidations !== 0))
                    writer.uint32(224).uint64(message.revalidations);
                if (message.replicaObjects != null && $Object.hasOwnProperty.call(message, "replicaObjects") && (typeof message.replicaObjects === "object" ? message.replicaObjects.low || message.replicaObjects.high : message.replicaObjects !== 0))
                    writer.uint32(232).uint64(message.replicaObjects);
                if (message.replicaBytes != null && $Object.hasOwnProperty.call(message, "replicaBytes") && (typeof message.replicaBytes === "object" ? message.replicaBytes.low || message.replicaBytes.high : message.replicaBytes !== 0))
                    writer.uint32(240).uint64(message.replicaBytes);
                if (message.ring != null && $Object.hasOwnProperty.call(message, "ring"))
                    $root.faast.v1.Ring.encode(message.ring, writer.uint32(250).fork(), _depth + 1).ldelim();
                if (message.chunkedReads != null && $Object.hasOwnProperty.call(message, "chunkedReads") && (typeof message.chunkedReads === "object" ? message.chunkedReads.low || message.chunkedReads.high : message.chunkedReads !== 0))
                    writer.uint32(256).uint64(message.chunkedReads);
                if (message.chunkHits != null && $Object.hasOwnProperty.call(message, "chunkHits") && (typeof message.chunkHits === "object" ? message.chunkHits.low || message.chunkHits.high : message.chunkHits !== 0))
                    writer.uint32(264).uint64(message.chunkHits);
                if (message.chunkMisses != null && $Object.hasOwnProperty.call(message, "chunkMisses") && (typeof message.chunkMisses === "object" ? message.chunkMisses.low || message.chunkMisses.high : message.chunkMisses !== 0))
                    writer.uint32(272).uint64(message.chunkMisses);
                if (message.chunkPeerFetches != null && $Object.hasOwnProperty.call(message, "chunkPeerFetches") && (typeof message.chunkPeerFetches === "object" ? message.chunkPeerFetches.low || message.chunkPeerFetches.high : message.chunkPeerFetches !== 0))
                    writer.uint32(280).uint64(message.chunkPeerFetches);
                if (message.chunkPassThrough != null && $Object.hasOwnProperty.call(message, "chunkPassThrough") && (typeof message.chunkPassThrough === "object" ? message.chunkPassThrough.low || message.chunkPassThrough.high : message.chunkPassThrough !== 0))
                    writer.uint32(288).uint64(message.chunkPassThrough);
                if (message.versionChanges != null && $Object.hasOwnProperty.call(message, "versionChanges") && (typeof message.versionChanges === "object" ? message.versionChanges.low || message.versionChanges.high : message.versionChanges !== 0))
                    writer.uint32(296).uint64(message.versionChanges);
                if (message.chunkReplicaHits != null && $Object.hasOwnProperty.call(message, "chunkReplicaHits") && (typeof message.chunkReplicaHits === "object" ? message.chunkReplicaHits.low || message.chunkReplicaHits.high : message.chunkReplicaHits !== 0))
                    writer.uint32(304).uint64(message.chunkReplicaHits);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            StatsReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.StatsReply();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.app = value;
                            else
                                delete message.app;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.origin = value;
                            else
                                delete message.origin;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.hits = value;
                            else
                                delete message.hits;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.misses = value;
                            else
                                delete message.misses;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.coalesced = value;
                            else
                                delete message.coalesced;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.passThrough = value;
                            else
                                delete message.passThrough;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.notFound = value;
                            else
                                delete message.notFound;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.originErrors = value;
                            else
                                delete message.originErrors;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytesServed = value;
                            else
                                delete message.bytesServed;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytesFromOrigin = value;
                            else
                                delete message.bytesFromOrigin;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.originRequests = value;
                            else
                                delete message.originRequests;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.objects = value;
                            else
                                delete message.objects;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytesUsed = value;
                            else
                                delete message.bytesUsed;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.capacityBytes = value;
                            else
                                delete message.capacityBytes;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.evictions = value;
                            else
                                delete message.evictions;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.invalidations = value;
                            else
                                delete message.invalidations;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.badRequests = value;
                            else
                                delete message.badRequests;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.heads = value;
                            else
                                delete message.heads;
                            continue;
                        }
                    case 19: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.maxObjectBytes = value;
                            else
                                delete message.maxObjectBytes;
                            continue;
                        }
                    case 20: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.uptimeSeconds = value;
                            else
                                delete message.uptimeSeconds;
                            continue;
                        }
                    case 21: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.forwarded = value;
                            else
                                delete message.forwarded;
                            continue;
                        }
                    case 22: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.peerServed = value;
                            else
                                delete message.peerServed;
                            continue;
                        }
                    case 23: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.replicaHits = value;
                            else
                                delete message.replicaHits;
                            continue;
                        }
                    case 24: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.validations = value;
                            else
                                delete message.validations;
                            continue;
                        }
                    case 25: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.peerErrors = value;
                            else
                                delete message.peerErrors;
                            continue;
                        }
                    case 26: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.peerFallbacks = value;
                            else
                                delete message.peerFallbacks;
                            continue;
                        }
                    case 27: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.notOwner = value;
                            else
                                delete message.notOwner;
                            continue;
                        }
                    case 28: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.revalidations = value;
                            else
                                delete message.revalidations;
                            continue;
                        }
                    case 29: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.replicaObjects = value;
                            else
                                delete message.replicaObjects;
                            continue;
                        }
                    case 30: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.replicaBytes = value;
                            else
                                delete message.replicaBytes;
                            continue;
                        }
                    case 31: {
                            if (wireType !== 2)
                                break;
                            message.ring = $root.faast.v1.Ring.decode(reader, reader.size(), $undefined, _depth + 1, message.ring);
                            continue;
                        }
                    case 32: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkedReads = value;
                            else
                                delete message.chunkedReads;
                            continue;
                        }
                    case 33: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkHits = value;
                            else
                                delete message.chunkHits;
                            continue;
                        }
                    case 34: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkMisses = value;
                            else
                                delete message.chunkMisses;
                            continue;
                        }
                    case 35: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkPeerFetches = value;
                            else
                                delete message.chunkPeerFetches;
                            continue;
                        }
                    case 36: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkPassThrough = value;
                            else
                                delete message.chunkPassThrough;
                            continue;
                        }
                    case 37: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.versionChanges = value;
                            else
                                delete message.versionChanges;
                            continue;
                        }
                    case 38: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkReplicaHits = value;
                            else
                                delete message.chunkReplicaHits;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            StatsReply.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.StatsReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.StatsReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.StatsReply();
                if (object.app != null)
                    if (typeof object.app !== "string" || object.app.length)
                        message.app = $String(object.app);
                if (object.origin != null)
                    if (typeof object.origin !== "string" || object.origin.length)
                        message.origin = $String(object.origin);
                if (object.hits != null)
                    if (typeof object.hits === "object" ? object.hits.low || object.hits.high : $Number(object.hits) !== 0)
                        if ($util.Long)
                            message.hits = $util.Long.fromValue(object.hits, true);
                        else if (typeof object.hits === "string")
                            message.hits = $parseInt(object.hits, 10);
                        else if (typeof object.hits === "number")
                            message.hits = object.hits;
                        else if (typeof object.hits === "object")
                            message.hits = new $util.LongBits(object.hits.low >>> 0, object.hits.high >>> 0).toNumber(true);
                if (object.misses != null)
                    if (typeof object.misses === "object" ? object.misses.low || object.misses.high : $Number(object.misses) !== 0)
                        if ($util.Long)
                            message.misses = $util.Long.fromValue(object.misses, true);
                        else if (typeof object.misses === "string")
                            message.misses = $parseInt(object.misses, 10);
                        else if (typeof object.misses === "number")
                            message.misses = object.misses;
                        else if (typeof object.misses === "object")
                            message.misses = new $util.LongBits(object.misses.low >>> 0, object.misses.high >>> 0).toNumber(true);
                if (object.coalesced != null)
                    if (typeof object.coalesced === "object" ? object.coalesced.low || object.coalesced.high : $Number(object.coalesced) !== 0)
                        if ($util.Long)
                            message.coalesced = $util.Long.fromValue(object.coalesced, true);
                        else if (typeof object.coalesced === "string")
                            message.coalesced = $parseInt(object.coalesced, 10);
                        else if (typeof object.coalesced === "number")
                            message.coalesced = object.coalesced;
                        else if (typeof object.coalesced === "object")
                            message.coalesced = new $util.LongBits(object.coalesced.low >>> 0, object.coalesced.high >>> 0).toNumber(true);
                if (object.passThrough != null)
                    if (typeof object.passThrough === "object" ? object.passThrough.low || object.passThrough.high : $Number(object.passThrough) !== 0)
                        if ($util.Long)
                            message.passThrough = $util.Long.fromValue(object.passThrough, true);
                        else if (typeof object.passThrough === "string")
                            message.passThrough = $parseInt(object.passThrough, 10);
                        else if (typeof object.passThrough === "number")
                            message.passThrough = object.passThrough;
                        else if (typeof object.passThrough === "object")
                            message.passThrough = new $util.LongBits(object.passThrough.low >>> 0, object.passThrough.high >>> 0).toNumber(true);
                if (object.notFound != null)
                    if (typeof object.notFound === "object" ? object.notFound.low || object.notFound.high : $Number(object.notFound) !== 0)
                        if ($util.Long)
                            message.notFound = $util.Long.fromValue(object.notFound, true);
                        else if (typeof object.notFound === "string")
                            message.notFound = $parseInt(object.notFound, 10);
                        else if (typeof object.notFound === "number")
                            message.notFound = object.notFound;
                        else if (typeof object.notFound === "object")
                            message.notFound = new $util.LongBits(object.notFound.low >>> 0, object.notFound.high >>> 0).toNumber(true);
                if (object.originErrors != null)
                    if (typeof object.originErrors === "object" ? object.originErrors.low || object.originErrors.high : $Number(object.originErrors) !== 0)
                        if ($util.Long)
                            message.originErrors = $util.Long.fromValue(object.originErrors, true);
                        else if (typeof object.originErrors === "string")
                            message.originErrors = $parseInt(object.originErrors, 10);
                        else if (typeof object.originErrors === "number")
                            message.originErrors = object.originErrors;
                        else if (typeof object.originErrors === "object")
                            message.originErrors = new $util.LongBits(object.originErrors.low >>> 0, object.originErrors.high >>> 0).toNumber(true);
                if (object.bytesServed != null)
                    if (typeof object.bytesServed === "object" ? object.bytesServed.low || object.bytesServed.high : $Number(object.bytesServed) !== 0)
                        if ($util.Long)
                            message.bytesServed = $util.Long.fromValue(object.bytesServed, true);
                        else if (typeof object.bytesServed === "string")
                            message.bytesServed = $parseInt(object.bytesServed, 10);
                        else if (typeof object.bytesServed === "number")
                            message.bytesServed = object.bytesServed;
                        else if (typeof object.bytesServed === "object")
                            message.bytesServed = new $util.LongBits(object.bytesServed.low >>> 0, object.bytesServed.high >>> 0).toNumber(true);
                if (object.bytesFromOrigin != null)
                    if (typeof object.bytesFromOrigin === "object" ? object.bytesFromOrigin.low || object.bytesFromOrigin.high : $Number(object.bytesFromOrigin) !== 0)
                        if ($util.Long)
                            message.bytesFromOrigin = $util.Long.fromValue(object.bytesFromOrigin, true);
                        else if (typeof object.bytesFromOrigin === "string")
                            message.bytesFromOrigin = $parseInt(object.bytesFromOrigin, 10);
                        else if (typeof object.bytesFromOrigin === "number")
                            message.bytesFromOrigin = object.bytesFromOrigin;
                        else if (typeof object.bytesFromOrigin === "object")
                            message.bytesFromOrigin = new $util.LongBits(object.bytesFromOrigin.low >>> 0, object.bytesFromOrigin.high >>> 0).toNumber(true);
                if (object.originRequests != null)
                    if (typeof object.originRequests === "object" ? object.originRequests.low || object.originRequests.high : $Number(object.originRequests) !== 0)
                        if ($util.Long)
                            message.originRequests = $util.Long.fromValue(object.originRequests, true);
                        else if (typeof object.originRequests === "string")
                            message.originRequests = $parseInt(object.originRequests, 10);
                        else if (typeof object.originRequests === "number")
                            message.originRequests = object.originRequests;
                        else if (typeof object.originRequests === "object")
                            message.originRequests = new $util.LongBits(object.originRequests.low >>> 0, object.originRequests.high >>> 0).toNumber(true);
                if (object.objects != null)
                    if (typeof object.objects === "object" ? object.objects.low || object.objects.high : $Number(object.objects) !== 0)
                        if ($util.Long)
                            message.objects = $util.Long.fromValue(object.objects, true);
                        else if (typeof object.objects === "string")
                            message.objects = $parseInt(object.objects, 10);
                        else if (typeof object.objects === "number")
                            message.objects = object.objects;
                        else if (typeof object.objects === "object")
                            message.objects = new $util.LongBits(object.objects.low >>> 0, object.objects.high >>> 0).toNumber(true);
                if (object.bytesUsed != null)
                    if (typeof object.bytesUsed === "object" ? object.bytesUsed.low || object.bytesUsed.high : $Number(object.bytesUsed) !== 0)
                        if ($util.Long)
                            message.bytesUsed = $util.Long.fromValue(object.bytesUsed, true);
                        else if (typeof object.bytesUsed === "string")
                            message.bytesUsed = $parseInt(object.bytesUsed, 10);
                        else if (typeof object.bytesUsed === "number")
                            message.bytesUsed = object.bytesUsed;
                        else if (typeof object.bytesUsed === "object")
                            message.bytesUsed = new $util.LongBits(object.bytesUsed.low >>> 0, object.bytesUsed.high >>> 0).toNumber(true);
                if (object.capacityBytes != null)
                    if (typeof object.capacityBytes === "object" ? object.capacityBytes.low || object.capacityBytes.high : $Number(object.capacityBytes) !== 0)
                        if ($util.Long)
                            message.capacityBytes = $util.Long.fromValue(object.capacityBytes, true);
                        else if (typeof object.capacityBytes === "string")
                            message.capacityBytes = $parseInt(object.capacityBytes, 10);
                        else if (typeof object.capacityBytes === "number")
                            message.capacityBytes = object.capacityBytes;
                        else if (typeof object.capacityBytes === "object")
                            message.capacityBytes = new $util.LongBits(object.capacityBytes.low >>> 0, object.capacityBytes.high >>> 0).toNumber(true);
                if (object.evictions != null)
                    if (typeof object.evictions === "object" ? object.evictions.low || object.evictions.high : $Number(object.evictions) !== 0)
                        if ($util.Long)
                            message.evictions = $util.Long.fromValue(object.evictions, true);
                        else if (typeof object.evictions === "string")
                            message.evictions = $parseInt(object.evictions, 10);
                        else if (typeof object.evictions === "number")
                            message.evictions = object.evictions;
                        else if (typeof object.evictions === "object")
                            message.evictions = new $util.LongBits(object.evictions.low >>> 0, object.evictions.high >>> 0).toNumber(true);
                if (object.invalidations != null)
                    if (typeof object.invalidations === "object" ? object.invalidations.low || object.invalidations.high : $Number(object.invalidations) !== 0)
                        if ($util.Long)
                            message.invalidations = $util.Long.fromValue(object.invalidations, true);
                        else if (typeof object.invalidations === "string")
                            message.invalidations = $parseInt(object.invalidations, 10);
                        else if (typeof object.invalidations === "number")
                            message.invalidations = object.invalidations;
                        else if (typeof object.invalidations === "object")
                            message.invalidations = new $util.LongBits(object.invalidations.low >>> 0, object.invalidations.high >>> 0).toNumber(true);
                if (object.badRequests != null)
                    if (typeof object.badRequests === "object" ? object.badRequests.low || object.badRequests.high : $Number(object.badRequests) !== 0)
                        if ($util.Long)
                            message.badRequests = $util.Long.fromValue(object.badRequests, true);
                        else if (typeof object.badRequests === "string")
                            message.badRequests = $parseInt(object.badRequests, 10);
                        else if (typeof object.badRequests === "number")
                            message.badRequests = object.badRequests;
                        else if (typeof object.badRequests === "object")
                            message.badRequests = new $util.LongBits(object.badRequests.low >>> 0, object.badRequests.high >>> 0).toNumber(true);
                if (object.heads != null)
                    if (typeof object.heads === "object" ? object.heads.low || object.heads.high : $Number(object.heads) !== 0)
                        if ($util.Long)
                            message.heads = $util.Long.fromValue(object.heads, true);
                        else if (typeof object.heads === "string")
                            message.heads = $parseInt(object.heads, 10);
                        else if (typeof object.heads === "number")
                            message.heads = object.heads;
                        else if (typeof object.heads === "object")
                            message.heads = new $util.LongBits(object.heads.low >>> 0, object.heads.high >>> 0).toNumber(true);
                if (object.maxObjectBytes != null)
                    if (typeof object.maxObjectBytes === "object" ? object.maxObjectBytes.low || object.maxObjectBytes.high : $Number(object.maxObjectBytes) !== 0)
                        if ($util.Long)
                            message.maxObjectBytes = $util.Long.fromValue(object.maxObjectBytes, true);
                        else if (typeof object.maxObjectBytes === "string")
                            message.maxObjectBytes = $parseInt(object.maxObjectBytes, 10);
                        else if (typeof object.maxObjectBytes === "number")
                            message.maxObjectBytes = object.maxObjectBytes;
                        else if (typeof object.maxObjectBytes === "object")
                            message.maxObjectBytes = new $util.LongBits(object.maxObjectBytes.low >>> 0, object.maxObjectBytes.high >>> 0).toNumber(true);
                if (object.uptimeSeconds != null)
                    if (!$Object.is($Number(object.uptimeSeconds), 0))
                        message.uptimeSeconds = $Number(object.uptimeSeconds);
                if (object.forwarded != null)
                    if (typeof object.forwarded === "object" ? object.forwarded.low || object.forwarded.high : $Number(object.forwarded) !== 0)
                        if ($util.Long)
                            message.forwarded = $util.Long.fromValue(object.forwarded, true);
                        else if (typeof object.forwarded === "string")
                            message.forwarded = $parseInt(object.forwarded, 10);
                        else if (typeof object.forwarded === "number")
                            message.forwarded = object.forwarded;
                        else if (typeof object.forwarded === "object")
                            message.forwarded = new $util.LongBits(object.forwarded.low >>> 0, object.forwarded.high >>> 0).toNumber(true);
                if (object.peerServed != null)
                    if (typeof object.peerServed === "object" ? object.peerServed.low || object.peerServed.high : $Number(object.peerServed) !== 0)
                        if ($util.Long)
                            message.peerServed = $util.Long.fromValue(object.peerServed, true);
                        else if (typeof object.peerServed === "string")
                            message.peerServed = $parseInt(object.peerServed, 10);
                        else if (typeof object.peerServed === "number")
                            message.peerServed = object.peerServed;
                        else if (typeof object.peerServed === "object")
                            message.peerServed = new $util.LongBits(object.peerServed.low >>> 0, object.peerServed.high >>> 0).toNumber(true);
                if (object.replicaHits != null)
                    if (typeof object.replicaHits === "object" ? object.replicaHits.low || object.replicaHits.high : $Number(object.replicaHits) !== 0)
                        if ($util.Long)
                            message.replicaHits = $util.Long.fromValue(object.replicaHits, true);
                        else if (typeof object.replicaHits === "string")
                            message.replicaHits = $parseInt(object.replicaHits, 10);
                        else if (typeof object.replicaHits === "number")
                            message.replicaHits = object.replicaHits;
                        else if (typeof object.replicaHits === "object")
                            message.replicaHits = new $util.LongBits(object.replicaHits.low >>> 0, object.replicaHits.high >>> 0).toNumber(true);
                if (object.validations != null)
                    if (typeof object.validations === "object" ? object.validations.low || object.validations.high : $Number(object.validations) !== 0)
                        if ($util.Long)
                            message.validations = $util.Long.fromValue(object.validations, true);
                        else if (typeof object.validations === "string")
                            message.validations = $parseInt(object.validations, 10);
                        else if (typeof object.validations === "number")
                            message.validations = object.validations;
                        else if (typeof object.validations === "object")
                            message.validations = new $util.LongBits(object.validations.low >>> 0, object.validations.high >>> 0).toNumber(true);
                if (object.peerErrors != null)
                    if (typeof object.peerErrors === "object" ? object.peerErrors.low || object.peerErrors.high : $Number(object.peerErrors) !== 0)
                        if ($util.Long)
                            message.peerErrors = $util.Long.fromValue(object.peerErrors, true);
                        else if (typeof object.peerErrors === "string")
                            message.peerErrors = $parseInt(object.peerErrors, 10);
                        else if (typeof object.peerErrors === "number")
                            message.peerErrors = object.peerErrors;
                        else if (typeof object.peerErrors === "object")
                            message.peerErrors = new $util.LongBits(object.peerErrors.low >>> 0, object.peerErrors.high >>> 0).toNumber(true);
                if (object.peerFallbacks != null)
                    if (typeof object.peerFallbacks === "object" ? object.peerFallbacks.low || object.peerFallbacks.high : $Number(object.peerFallbacks) !== 0)
                        if ($util.Long)
                            message.peerFallbacks = $util.Long.fromValue(object.peerFallbacks, true);
                        else if (typeof object.peerFallbacks === "string")
                            message.peerFallbacks = $parseInt(object.peerFallbacks, 10);
                        else if (typeof object.peerFallbacks === "number")
                            message.peerFallbacks = object.peerFallbacks;
                        else if (typeof object.peerFallbacks === "object")
                            message.peerFallbacks = new $util.LongBits(object.peerFallbacks.low >>> 0, object.peerFallbacks.high >>> 0).toNumber(true);
                if (object.notOwner != null)
                    if (typeof object.notOwner === "object" ? object.notOwner.low || object.notOwner.high : $Number(object.notOwner) !== 0)
                        if ($util.Long)
                            message.notOwner = $util.Long.fromValue(object.notOwner, true);
                        else if (typeof object.notOwner === "string")
                            message.notOwner = $parseInt(object.notOwner, 10);
                        else if (typeof object.notOwner === "number")
                            message.notOwner = object.notOwner;
                        else if (typeof object.notOwner === "object")
                            message.notOwner = new $util.LongBits(object.notOwner.low >>> 0, object.notOwner.high >>> 0).toNumber(true);
                if (object.revalidations != null)
                    if (typeof object.revalidations === "object" ? object.revalidations.low || object.revalidations.high : $Number(object.revalidations) !== 0)
                        if ($util.Long)
                            message.revalidations = $util.Long.fromValue(object.revalidations, true);
                        else if (typeof object.revalidations === "string")
                            message.revalidations = $parseInt(object.revalidations, 10);
                        else if (typeof object.revalidations === "number")
                            message.revalidations = object.revalidations;
                        else if (typeof object.revalidations === "object")
                            message.revalidations = new $util.LongBits(object.revalidations.low >>> 0, object.revalidations.high >>> 0).toNumber(true);
                if (object.replicaObjects != null)
                    if (typeof object.replicaObjects === "object" ? object.replicaObjects.low || object.replicaObjects.high : $Number(object.replicaObjects) !== 0)
                        if ($util.Long)
                            message.replicaObjects = $util.Long.fromValue(object.replicaObjects, true);
                        else if (typeof object.replicaObjects === "string")
                            message.replicaObjects = $parseInt(object.replicaObjects, 10);
                        else if (typeof object.replicaObjects === "number")
                            message.replicaObjects = object.replicaObjects;
                        else if (typeof object.replicaObjects === "object")
                            message.replicaObjects = new $util.LongBits(object.replicaObjects.low >>> 0, object.replicaObjects.high >>> 0).toNumber(true);
                if (object.replicaBytes != null)
                    if (typeof object.replicaBytes === "object" ? object.replicaBytes.low || object.replicaBytes.high : $Number(object.replicaBytes) !== 0)
                        if ($util.Long)
                            message.replicaBytes = $util.Long.fromValue(object.replicaBytes, true);
                        else if (typeof object.replicaBytes === "string")
                            message.replicaBytes = $parseInt(object.replicaBytes, 10);
                        else if (typeof object.replicaBytes === "number")
                            message.replicaBytes = object.replicaBytes;
                        else if (typeof object.replicaBytes === "object")
                            message.replicaBytes = new $util.LongBits(object.replicaBytes.low >>> 0, object.replicaBytes.high >>> 0).toNumber(true);
                if (object.ring != null) {
                    if (!$util.isObject(object.ring))
                        throw $TypeError(".faast.v1.StatsReply.ring: object expected");
                    message.ring = $root.faast.v1.Ring.fromObject(object.ring, _depth + 1);
                }
                if (object.chunkedReads != null)
                    if (typeof object.chunkedReads === "object" ? object.chunkedReads.low || object.chunkedReads.high : $Number(object.chunkedReads) !== 0)
                        if ($util.Long)
                            message.chunkedReads = $util.Long.fromValue(object.chunkedReads, true);
                        else if (typeof object.chunkedReads === "string")
                            message.chunkedReads = $parseInt(object.chunkedReads, 10);
                        else if (typeof object.chunkedReads === "number")
                            message.chunkedReads = object.chunkedReads;
                        else if (typeof object.chunkedReads === "object")
                            message.chunkedReads = new $util.LongBits(object.chunkedReads.low >>> 0, object.chunkedReads.high >>> 0).toNumber(true);
                if (object.chunkHits != null)
                    if (typeof object.chunkHits === "object" ? object.chunkHits.low || object.chunkHits.high : $Number(object.chunkHits) !== 0)
                        if ($util.Long)
                            message.chunkHits = $util.Long.fromValue(object.chunkHits, true);
                        else if (typeof object.chunkHits === "string")
                            message.chunkHits = $parseInt(object.chunkHits, 10);
                        else if (typeof object.chunkHits === "number")
                            message.chunkHits = object.chunkHits;
                        else if (typeof object.chunkHits === "object")
                            message.chunkHits = new $util.LongBits(object.chunkHits.low >>> 0, object.chunkHits.high >>> 0).toNumber(true);
                if (object.chunkMisses != null)
                    if (typeof object.chunkMisses === "object" ? object.chunkMisses.low || object.chunkMisses.high : $Number(object.chunkMisses) !== 0)
                        if ($util.Long)
                            message.chunkMisses = $util.Long.fromValue(object.chunkMisses, true);
                        else if (typeof object.chunkMisses === "string")
                            message.chunkMisses = $parseInt(object.chunkMisses, 10);
                        else if (typeof object.chunkMisses === "number")
                            message.chunkMisses = object.chunkMisses;
                        else if (typeof object.chunkMisses === "object")
                            message.chunkMisses = new $util.LongBits(object.chunkMisses.low >>> 0, object.chunkMisses.high >>> 0).toNumber(true);
                if (object.chunkPeerFetches != null)
                    if (typeof object.chunkPeerFetches === "object" ? object.chunkPeerFetches.low || object.chunkPeerFetches.high : $Number(object.chunkPeerFetches) !== 0)
                        if ($util.Long)
                            message.chunkPeerFetches = $util.Long.fromValue(object.chunkPeerFetches, true);
                        else if (typeof object.chunkPeerFetches === "string")
                            message.chunkPeerFetches = $parseInt(object.chunkPeerFetches, 10);
                        else if (typeof object.chunkPeerFetches === "number")
                            message.chunkPeerFetches = object.chunkPeerFetches;
                        else if (typeof object.chunkPeerFetches === "object")
                            message.chunkPeerFetches = new $util.LongBits(object.chunkPeerFetches.low >>> 0, object.chunkPeerFetches.high >>> 0).toNumber(true);
                if (object.chunkPassThrough != null)
                    if (typeof object.chunkPassThrough === "object" ? object.chunkPassThrough.low || object.chunkPassThrough.high : $Number(object.chunkPassThrough) !== 0)
                        if ($util.Long)
                            message.chunkPassThrough = $util.Long.fromValue(object.chunkPassThrough, true);
                        else if (typeof object.chunkPassThrough === "string")
                            message.chunkPassThrough = $parseInt(object.chunkPassThrough, 10);
                        else if (typeof object.chunkPassThrough === "number")
                            message.chunkPassThrough = object.chunkPassThrough;
                        else if (typeof object.chunkPassThrough === "object")
                            message.chunkPassThrough = new $util.LongBits(object.chunkPassThrough.low >>> 0, object.chunkPassThrough.high >>> 0).toNumber(true);
                if (object.versionChanges != null)
                    if (typeof object.versionChanges === "object" ? object.versionChanges.low || object.versionChanges.high : $Number(object.versionChanges) !== 0)
                        if ($util.Long)
                            message.versionChanges = $util.Long.fromValue(object.versionChanges, true);
                        else if (typeof object.versionChanges === "string")
                            message.versionChanges = $parseInt(object.versionChanges, 10);
                        else if (typeof object.versionChanges === "number")
                            message.versionChanges = object.versionChanges;
                        else if (typeof object.versionChanges === "object")
                            message.versionChanges = new $util.LongBits(object.versionChanges.low >>> 0, object.versionChanges.high >>> 0).toNumber(true);
                if (object.chunkReplicaHits != null)
                    if (typeof object.chunkReplicaHits === "object" ? object.chunkReplicaHits.low || object.chunkReplicaHits.high : $Number(object.chunkReplicaHits) !== 0)
                        if ($util.Long)
                            message.chunkReplicaHits = $util.Long.fromValue(object.chunkReplicaHits, true);
                        else if (typeof object.chunkReplicaHits === "string")
                            message.chunkReplicaHits = $parseInt(object.chunkReplicaHits, 10);
                        else if (typeof object.chunkReplicaHits === "number")
                            message.chunkReplicaHits = object.chunkReplicaHits;
                        else if (typeof object.chunkReplicaHits === "object")
                            message.chunkReplicaHits = new $util.LongBits(object.chunkReplicaHits.low >>> 0, object.chunkReplicaHits.high >>> 0).toNumber(true);
                return message;
            };

            StatsReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.app = "";
                    object.origin = "";
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.hits = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.hits = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.misses = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.misses = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.coalesced = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.coalesced = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.passThrough = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.passThrough = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.notFound = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.notFound = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.originErrors = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.originErrors = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.bytesServed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bytesServed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.bytesFromOrigin = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bytesFromOrigin = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.originRequests = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.originRequests = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.objects = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.objects = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.bytesUsed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bytesUsed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.capacityBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.capacityBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.evictions = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.evictions = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.invalidations = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.invalidations = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.badRequests = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.badRequests = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.heads = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.heads = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.maxObjectBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.maxObjectBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.uptimeSeconds = 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.forwarded = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.forwarded = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.peerServed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.peerServed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.replicaHits = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.replicaHits = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.validations = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.validations = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.peerErrors = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.peerErrors = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.peerFallbacks = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.peerFallbacks = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.notOwner = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.notOwner = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.revalidations = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.revalidations = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.replicaObjects = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.replicaObjects = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.replicaBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.replicaBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.ring = null;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.chunkedReads = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkedReads = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.chunkHits = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkHits = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.chunkMisses = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkMisses = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.chunkPeerFetches = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkPeerFetches = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.chunkPassThrough = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkPassThrough = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.versionChanges = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.versionChanges = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.chunkReplicaHits = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkReplicaHits = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                    object.app = message.app;
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin"))
                    object.origin = message.origin;
                if (message.hits != null && $Object.hasOwnProperty.call(message, "hits"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.hits = typeof message.hits === "number" ? $BigInt(message.hits) : $util.Long.fromBits(message.hits.low >>> 0, message.hits.high >>> 0, true).toBigInt();
                    else if (typeof message.hits === "number")
                        object.hits = options.longs === $String ? $String(message.hits) : message.hits;
                    else
                        object.hits = options.longs === $String ? $util.Long.prototype.toString.call(message.hits) : options.longs === $Number ? new $util.LongBits(message.hits.low >>> 0, message.hits.high >>> 0).toNumber(true) : message.hits;
                if (message.misses != null && $Object.hasOwnProperty.call(message, "misses"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.misses = typeof message.misses === "number" ? $BigInt(message.misses) : $util.Long.fromBits(message.misses.low >>> 0, message.misses.high >>> 0, true).toBigInt();
                    else if (typeof message.misses === "number")
                        object.misses = options.longs === $String ? $String(message.misses) : message.misses;
                    else
                        object.misses = options.longs === $String ? $util.Long.prototype.toString.call(message.misses) : options.longs === $Number ? new $util.LongBits(message.misses.low >>> 0, message.misses.high >>> 0).toNumber(true) : message.misses;
                if (message.coalesced != null && $Object.hasOwnProperty.call(message, "coalesced"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.coalesced = typeof message.coalesced === "number" ? $BigInt(message.coalesced) : $util.Long.fromBits(message.coalesced.low >>> 0, message.coalesced.high >>> 0, true).toBigInt();
                    else if (typeof message.coalesced === "number")
                        object.coalesced = options.longs === $String ? $String(message.coalesced) : message.coalesced;
                    else
                        object.coalesced = options.longs === $String ? $util.Long.prototype.toString.call(message.coalesced) : options.longs === $Number ? new $util.LongBits(message.coalesced.low >>> 0, message.coalesced.high >>> 0).toNumber(true) : message.coalesced;
                if (message.passThrough != null && $Object.hasOwnProperty.call(message, "passThrough"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.passThrough = typeof message.passThrough === "number" ? $BigInt(message.passThrough) : $util.Long.fromBits(message.passThrough.low >>> 0, message.passThrough.high >>> 0, true).toBigInt();
                    else if (typeof message.passThrough === "number")
                        object.passThrough = options.longs === $String ? $String(message.passThrough) : message.passThrough;
                    else
                        object.passThrough = options.longs === $String ? $util.Long.prototype.toString.call(message.passThrough) : options.longs === $Number ? new $util.LongBits(message.passThrough.low >>> 0, message.passThrough.high >>> 0).toNumber(true) : message.passThrough;
                if (message.notFound != null && $Object.hasOwnProperty.call(message, "notFound"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.notFound = typeof message.notFound === "number" ? $BigInt(message.notFound) : $util.Long.fromBits(message.notFound.low >>> 0, message.notFound.high >>> 0, true).toBigInt();
                    else if (typeof message.notFound === "number")
                        object.notFound = options.longs === $String ? $String(message.notFound) : message.notFound;
                    else
                        object.notFound = options.longs === $String ? $util.Long.prototype.toString.call(message.notFound) : options.longs === $Number ? new $util.LongBits(message.notFound.low >>> 0, message.notFound.high >>> 0).toNumber(true) : message.notFound;
                if (message.originErrors != null && $Object.hasOwnProperty.call(message, "originErrors"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.originErrors = typeof message.originErrors === "number" ? $BigInt(message.originErrors) : $util.Long.fromBits(message.originErrors.low >>> 0, message.originErrors.high >>> 0, true).toBigInt();
                    else if (typeof message.originErrors === "number")
                        object.originErrors = options.longs === $String ? $String(message.originErrors) : message.originErrors;
                    else
                        object.originErrors = options.longs === $String ? $util.Long.prototype.toString.call(message.originErrors) : options.longs === $Number ? new $util.LongBits(message.originErrors.low >>> 0, message.originErrors.high >>> 0).toNumber(true) : message.originErrors;
                if (message.bytesServed != null && $Object.hasOwnProperty.call(message, "bytesServed"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bytesServed = typeof message.bytesServed === "number" ? $BigInt(message.bytesServed) : $util.Long.fromBits(message.bytesServed.low >>> 0, message.bytesServed.high >>> 0, true).toBigInt();
                    else if (typeof message.bytesServed === "number")
                        object.bytesServed = options.longs === $String ? $String(message.bytesServed) : message.bytesServed;
                    else
                        object.bytesServed = options.longs === $String ? $util.Long.prototype.toString.call(message.bytesServed) : options.longs === $Number ? new $util.LongBits(message.bytesServed.low >>> 0, message.bytesServed.high >>> 0).toNumber(true) : message.bytesServed;
                if (message.bytesFromOrigin != null && $Object.hasOwnProperty.call(message, "bytesFromOrigin"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bytesFromOrigin = typeof message.bytesFromOrigin === "number" ? $BigInt(message.bytesFromOrigin) : $util.Long.fromBits(message.bytesFromOrigin.low >>> 0, message.bytesFromOrigin.high >>> 0, true).toBigInt();
                    else if (typeof message.bytesFromOrigin === "number")
                        object.bytesFromOrigin = options.longs === $String ? $String(message.bytesFromOrigin) : message.bytesFromOrigin;
                    else
                        object.bytesFromOrigin = options.longs === $String ? $util.Long.prototype.toString.call(message.bytesFromOrigin) : options.longs === $Number ? new $util.LongBits(message.bytesFromOrigin.low >>> 0, message.bytesFromOrigin.high >>> 0).toNumber(true) : message.bytesFromOrigin;
                if (message.originRequests != null && $Object.hasOwnProperty.call(message, "originRequests"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.originRequests = typeof message.originRequests === "number" ? $BigInt(message.originRequests) : $util.Long.fromBits(message.originRequests.low >>> 0, message.originRequests.high >>> 0, true).toBigInt();
                    else if (typeof message.originRequests === "number")
                        object.originRequests = options.longs === $String ? $String(message.originRequests) : message.originRequests;
                    else
                        object.originRequests = options.longs === $String ? $util.Long.prototype.toString.call(message.originRequests) : options.longs === $Number ? new $util.LongBits(message.originRequests.low >>> 0, message.originRequests.high >>> 0).toNumber(true) : message.originRequests;
                if (message.objects != null && $Object.hasOwnProperty.call(message, "objects"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.objects = typeof message.objects === "number" ? $BigInt(message.objects) : $util.Long.fromBits(message.objects.low >>> 0, message.objects.high >>> 0, true).toBigInt();
                    else if (typeof message.objects === "number")
                        object.objects = options.longs === $String ? $String(message.objects) : message.objects;
                    else
                        object.objects = options.longs === $String ? $util.Long.prototype.toString.call(message.objects) : options.longs === $Number ? new $util.LongBits(message.objects.low >>> 0, message.objects.high >>> 0).toNumber(true) : message.objects;
                if (message.bytesUsed != null && $Object.hasOwnProperty.call(message, "bytesUsed"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bytesUsed = typeof message.bytesUsed === "number" ? $BigInt(message.bytesUsed) : $util.Long.fromBits(message.bytesUsed.low >>> 0, message.bytesUsed.high >>> 0, true).toBigInt();
                    else if (typeof message.bytesUsed === "number")
                        object.bytesUsed = options.longs === $String ? $String(message.bytesUsed) : message.bytesUsed;
                    else
                        object.bytesUsed = options.longs === $String ? $util.Long.prototype.toString.call(message.bytesUsed) : options.longs === $Number ? new $util.LongBits(message.bytesUsed.low >>> 0, message.bytesUsed.high >>> 0).toNumber(true) : message.bytesUsed;
                if (message.capacityBytes != null && $Object.hasOwnProperty.call(message, "capacityBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.capacityBytes = typeof message.capacityBytes === "number" ? $BigInt(message.capacityBytes) : $util.Long.fromBits(message.capacityBytes.low >>> 0, message.capacityBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.capacityBytes === "number")
                        object.capacityBytes = options.longs === $String ? $String(message.capacityBytes) : message.capacityBytes;
                    else
                        object.capacityBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.capacityBytes) : options.longs === $Number ? new $util.LongBits(message.capacityBytes.low >>> 0, message.capacityBytes.high >>> 0).toNumber(true) : message.capacityBytes;
                if (message.evictions != null && $Object.hasOwnProperty.call(message, "evictions"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.evictions = typeof message.evictions === "number" ? $BigInt(message.evictions) : $util.Long.fromBits(message.evictions.low >>> 0, message.evictions.high >>> 0, true).toBigInt();
                    else if (typeof message.evictions === "number")
                        object.evictions = options.longs === $String ? $String(message.evictions) : message.evictions;
                    else
                        object.evictions = options.longs === $String ? $util.Long.prototype.toString.call(message.evictions) : options.longs === $Number ? new $util.LongBits(message.evictions.low >>> 0, message.evictions.high >>> 0).toNumber(true) : message.evictions;
                if (message.invalidations != null && $Object.hasOwnProperty.call(message, "invalidations"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.invalidations = typeof message.invalidations === "number" ? $BigInt(message.invalidations) : $util.Long.fromBits(message.invalidations.low >>> 0, message.invalidations.high >>> 0, true).toBigInt();
                    else if (typeof message.invalidations === "number")
                        object.invalidations = options.longs === $String ? $String(message.invalidations) : message.invalidations;
                    else
                        object.invalidations = options.longs === $String ? $util.Long.prototype.toString.call(message.invalidations) : options.longs === $Number ? new $util.LongBits(message.invalidations.low >>> 0, message.invalidations.high >>> 0).toNumber(true) : message.invalidations;
                if (message.badRequests != null && $Object.hasOwnProperty.call(message, "badRequests"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.badRequests = typeof message.badRequests === "number" ? $BigInt(message.badRequests) : $util.Long.fromBits(message.badRequests.low >>> 0, message.badRequests.high >>> 0, true).toBigInt();
                    else if (typeof message.badRequests === "number")
                        object.badRequests = options.longs === $String ? $String(message.badRequests) : message.badRequests;
                    else
                        object.badRequests = options.longs === $String ? $util.Long.prototype.toString.call(message.badRequests) : options.longs === $Number ? new $util.LongBits(message.badRequests.low >>> 0, message.badRequests.high >>> 0).toNumber(true) : message.badRequests;
                if (message.heads != null && $Object.hasOwnProperty.call(message, "heads"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.heads = typeof message.heads === "number" ? $BigInt(message.heads) : $util.Long.fromBits(message.heads.low >>> 0, message.heads.high >>> 0, true).toBigInt();
                    else if (typeof message.heads === "number")
                        object.heads = options.longs === $String ? $String(message.heads) : message.heads;
                    else
                        object.heads = options.longs === $String ? $util.Long.prototype.toString.call(message.heads) : options.longs === $Number ? new $util.LongBits(message.heads.low >>> 0, message.heads.high >>> 0).toNumber(true) : message.heads;
                if (message.maxObjectBytes != null && $Object.hasOwnProperty.call(message, "maxObjectBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.maxObjectBytes = typeof message.maxObjectBytes === "number" ? $BigInt(message.maxObjectBytes) : $util.Long.fromBits(message.maxObjectBytes.low >>> 0, message.maxObjectBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.maxObjectBytes === "number")
                        object.maxObjectBytes = options.longs === $String ? $String(message.maxObjectBytes) : message.maxObjectBytes;
                    else
                        object.maxObjectBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.maxObjectBytes) : options.longs === $Number ? new $util.LongBits(message.maxObjectBytes.low >>> 0, message.maxObjectBytes.high >>> 0).toNumber(true) : message.maxObjectBytes;
                if (message.uptimeSeconds != null && $Object.hasOwnProperty.call(message, "uptimeSeconds"))
                    object.uptimeSeconds = options.json && !$isFinite(message.uptimeSeconds) ? $String(message.uptimeSeconds) : message.uptimeSeconds;
                if (message.forwarded != null && $Object.hasOwnProperty.call(message, "forwarded"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.forwarded = typeof message.forwarded === "number" ? $BigInt(message.forwarded) : $util.Long.fromBits(message.forwarded.low >>> 0, message.forwarded.high >>> 0, true).toBigInt();
                    else if (typeof message.forwarded === "number")
                        object.forwarded = options.longs === $String ? $String(message.forwarded) : message.forwarded;
                    else
                        object.forwarded = options.longs === $String ? $util.Long.prototype.toString.call(message.forwarded) : options.longs === $Number ? new $util.LongBits(message.forwarded.low >>> 0, message.forwarded.high >>> 0).toNumber(true) : message.forwarded;
                if (message.peerServed != null && $Object.hasOwnProperty.call(message, "peerServed"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.peerServed = typeof message.peerServed === "number" ? $BigInt(message.peerServed) : $util.Long.fromBits(message.peerServed.low >>> 0, message.peerServed.high >>> 0, true).toBigInt();
                    else if (typeof message.peerServed === "number")
                        object.peerServed = options.longs === $String ? $String(message.peerServed) : message.peerServed;
                    else
                        object.peerServed = options.longs === $String ? $util.Long.prototype.toString.call(message.peerServed) : options.longs === $Number ? new $util.LongBits(message.peerServed.low >>> 0, message.peerServed.high >>> 0).toNumber(true) : message.peerServed;
                if (message.replicaHits != null && $Object.hasOwnProperty.call(message, "replicaHits"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.replicaHits = typeof message.replicaHits === "number" ? $BigInt(message.replicaHits) : $util.Long.fromBits(message.replicaHits.low >>> 0, message.replicaHits.high >>> 0, true).toBigInt();
                    else if (typeof message.replicaHits === "number")
                        object.replicaHits = options.longs === $String ? $String(message.replicaHits) : message.replicaHits;
                    else
                        object.replicaHits = options.longs === $String ? $util.Long.prototype.toString.call(message.replicaHits) : options.longs === $Number ? new $util.LongBits(message.replicaHits.low >>> 0, message.replicaHits.high >>> 0).toNumber(true) : message.replicaHits;
                if (message.validations != null && $Object.hasOwnProperty.call(message, "validations"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.validations = typeof message.validations === "number" ? $BigInt(message.validations) : $util.Long.fromBits(message.validations.low >>> 0, message.validations.high >>> 0, true).toBigInt();
                    else if (typeof message.validations === "number")
                        object.validations = options.longs === $String ? $String(message.validations) : message.validations;
                    else
                        object.validations = options.longs === $String ? $util.Long.prototype.toString.call(message.validations) : options.longs === $Number ? new $util.LongBits(message.validations.low >>> 0, message.validations.high >>> 0).toNumber(true) : message.validations;
                if (message.peerErrors != null && $Object.hasOwnProperty.call(message, "peerErrors"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.peerErrors = typeof message.peerErrors === "number" ? $BigInt(message.peerErrors) : $util.Long.fromBits(message.peerErrors.low >>> 0, message.peerErrors.high >>> 0, true).toBigInt();
                    else if (typeof message.peerErrors === "number")
                        object.peerErrors = options.longs === $String ? $String(message.peerErrors) : message.peerErrors;
                    else
                        object.peerErrors = options.longs === $String ? $util.Long.prototype.toString.call(message.peerErrors) : options.longs === $Number ? new $util.LongBits(message.peerErrors.low >>> 0, message.peerErrors.high >>> 0).toNumber(true) : message.peerErrors;
                if (message.peerFallbacks != null && $Object.hasOwnProperty.call(message, "peerFallbacks"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.peerFallbacks = typeof message.peerFallbacks === "number" ? $BigInt(message.peerFallbacks) : $util.Long.fromBits(message.peerFallbacks.low >>> 0, message.peerFallbacks.high >>> 0, true).toBigInt();
                    else if (typeof message.peerFallbacks === "number")
                        object.peerFallbacks = options.longs === $String ? $String(message.peerFallbacks) : message.peerFallbacks;
                    else
                        object.peerFallbacks = options.longs === $String ? $util.Long.prototype.toString.call(message.peerFallbacks) : options.longs === $Number ? new $util.LongBits(message.peerFallbacks.low >>> 0, message.peerFallbacks.high >>> 0).toNumber(true) : message.peerFallbacks;
                if (message.notOwner != null && $Object.hasOwnProperty.call(message, "notOwner"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.notOwner = typeof message.notOwner === "number" ? $BigInt(message.notOwner) : $util.Long.fromBits(message.notOwner.low >>> 0, message.notOwner.high >>> 0, true).toBigInt();
                    else if (typeof message.notOwner === "number")
                        object.notOwner = options.longs === $String ? $String(message.notOwner) : message.notOwner;
                    else
                        object.notOwner = options.longs === $String ? $util.Long.prototype.toString.call(message.notOwner) : options.longs === $Number ? new $util.LongBits(message.notOwner.low >>> 0, message.notOwner.high >>> 0).toNumber(true) : message.notOwner;
                if (message.revalidations != null && $Object.hasOwnProperty.call(message, "revalidations"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.revalidations = typeof message.revalidations === "number" ? $BigInt(message.revalidations) : $util.Long.fromBits(message.revalidations.low >>> 0, message.revalidations.high >>> 0, true).toBigInt();
                    else if (typeof message.revalidations === "number")
                        object.revalidations = options.longs === $String ? $String(message.revalidations) : message.revalidations;
                    else
                        object.revalidations = options.longs === $String ? $util.Long.prototype.toString.call(message.revalidations) : options.longs === $Number ? new $util.LongBits(message.revalidations.low >>> 0, message.revalidations.high >>> 0).toNumber(true) : message.revalidations;
                if (message.replicaObjects != null && $Object.hasOwnProperty.call(message, "replicaObjects"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.replicaObjects = typeof message.replicaObjects === "number" ? $BigInt(message.replicaObjects) : $util.Long.fromBits(message.replicaObjects.low >>> 0, message.replicaObjects.high >>> 0, true).toBigInt();
                    else if (typeof message.replicaObjects === "number")
                        object.replicaObjects = options.longs === $String ? $String(message.replicaObjects) : message.replicaObjects;
                    else
                        object.replicaObjects = options.longs === $String ? $util.Long.prototype.toString.call(message.replicaObjects) : options.longs === $Number ? new $util.LongBits(message.replicaObjects.low >>> 0, message.replicaObjects.high >>> 0).toNumber(true) : message.replicaObjects;
                if (message.replicaBytes != null && $Object.hasOwnProperty.call(message, "replicaBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.replicaBytes = typeof message.replicaBytes === "number" ? $BigInt(message.replicaBytes) : $util.Long.fromBits(message.replicaBytes.low >>> 0, message.replicaBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.replicaBytes === "number")
                        object.replicaBytes = options.longs === $String ? $String(message.replicaBytes) : message.replicaBytes;
                    else
                        object.replicaBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.replicaBytes) : options.longs === $Number ? new $util.LongBits(message.replicaBytes.low >>> 0, message.replicaBytes.high >>> 0).toNumber(true) : message.replicaBytes;
                if (message.ring != null && $Object.hasOwnProperty.call(message, "ring"))
                    object.ring = $root.faast.v1.Ring.toObject(message.ring, options, _depth + 1);
                if (message.chunkedReads != null && $Object.hasOwnProperty.call(message, "chunkedReads"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkedReads = typeof message.chunkedReads === "number" ? $BigInt(message.chunkedReads) : $util.Long.fromBits(message.chunkedReads.low >>> 0, message.chunkedReads.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkedReads === "number")
                        object.chunkedReads = options.longs === $String ? $String(message.chunkedReads) : message.chunkedReads;
                    else
                        object.chunkedReads = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkedReads) : options.longs === $Number ? new $util.LongBits(message.chunkedReads.low >>> 0, message.chunkedReads.high >>> 0).toNumber(true) : message.chunkedReads;
                if (message.chunkHits != null && $Object.hasOwnProperty.call(message, "chunkHits"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkHits = typeof message.chunkHits === "number" ? $BigInt(message.chunkHits) : $util.Long.fromBits(message.chunkHits.low >>> 0, message.chunkHits.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkHits === "number")
                        object.chunkHits = options.longs === $String ? $String(message.chunkHits) : message.chunkHits;
                    else
                        object.chunkHits = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkHits) : options.longs === $Number ? new $util.LongBits(message.chunkHits.low >>> 0, message.chunkHits.high >>> 0).toNumber(true) : message.chunkHits;
                if (message.chunkMisses != null && $Object.hasOwnProperty.call(message, "chunkMisses"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkMisses = typeof message.chunkMisses === "number" ? $BigInt(message.chunkMisses) : $util.Long.fromBits(message.chunkMisses.low >>> 0, message.chunkMisses.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkMisses === "number")
                        object.chunkMisses = options.longs === $String ? $String(message.chunkMisses) : message.chunkMisses;
                    else
                        object.chunkMisses = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkMisses) : options.longs === $Number ? new $util.LongBits(message.chunkMisses.low >>> 0, message.chunkMisses.high >>> 0).toNumber(true) : message.chunkMisses;
                if (message.chunkPeerFetches != null && $Object.hasOwnProperty.call(message, "chunkPeerFetches"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkPeerFetches = typeof message.chunkPeerFetches === "number" ? $BigInt(message.chunkPeerFetches) : $util.Long.fromBits(message.chunkPeerFetches.low >>> 0, message.chunkPeerFetches.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkPeerFetches === "number")
                        object.chunkPeerFetches = options.longs === $String ? $String(message.chunkPeerFetches) : message.chunkPeerFetches;
                    else
                        object.chunkPeerFetches = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkPeerFetches) : options.longs === $Number ? new $util.LongBits(message.chunkPeerFetches.low >>> 0, message.chunkPeerFetches.high >>> 0).toNumber(true) : message.chunkPeerFetches;
                if (message.chunkPassThrough != null && $Object.hasOwnProperty.call(message, "chunkPassThrough"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkPassThrough = typeof message.chunkPassThrough === "number" ? $BigInt(message.chunkPassThrough) : $util.Long.fromBits(message.chunkPassThrough.low >>> 0, message.chunkPassThrough.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkPassThrough === "number")
                        object.chunkPassThrough = options.longs === $String ? $String(message.chunkPassThrough) : message.chunkPassThrough;
                    else
                        object.chunkPassThrough = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkPassThrough) : options.longs === $Number ? new $util.LongBits(message.chunkPassThrough.low >>> 0, message.chunkPassThrough.high >>> 0).toNumber(true) : message.chunkPassThrough;
                if (message.versionChanges != null && $Object.hasOwnProperty.call(message, "versionChanges"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.versionChanges = typeof message.versionChanges === "number" ? $BigInt(message.versionChanges) : $util.Long.fromBits(message.versionChanges.low >>> 0, message.versionChanges.high >>> 0, true).toBigInt();
                    else if (typeof message.versionChanges === "number")
                        object.versionChanges = options.longs === $String ? $String(message.versionChanges) : message.versionChanges;
                    else
                        object.versionChanges = options.longs === $String ? $util.Long.prototype.toString.call(message.versionChanges) : options.longs === $Number ? new $util.LongBits(message.versionChanges.low >>> 0, message.versionChanges.high >>> 0).toNumber(true) : message.versionChanges;
                if (message.chunkReplicaHits != null && $Object.hasOwnProperty.call(message, "chunkReplicaHits"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkReplicaHits = typeof message.chunkReplicaHits === "number" ? $BigInt(message.chunkReplicaHits) : $util.Long.fromBits(message.chunkReplicaHits.low >>> 0, message.chunkReplicaHits.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkReplicaHits === "number")
                        object.chunkReplicaHits = options.longs === $String ? $String(message.chunkReplicaHits) : message.chunkReplicaHits;
                    else
                        object.chunkReplicaHits = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkReplicaHits) : options.longs === $Number ? new $util.LongBits(message.chunkReplicaHits.low >>> 0, message.chunkReplicaHits.high >>> 0).toNumber(true) : message.chunkReplicaHits;
                return object;
            };

            StatsReply.prototype.toJSON = function() {
                return StatsReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatsReply;
        })();

        v1.Ring = (function() {

            var Ring = function (properties) {
                this.members = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Ring.prototype.self = "";
            Ring.prototype.epoch = "";
            Ring.prototype.members = $util.emptyArray;
            Ring.prototype.views = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Ring.prototype.consistency = "";

            Ring.create = function(properties) {
                return new Ring(properties);
            };

            Ring.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.self != null && $Object.hasOwnProperty.call(message, "self") && message.self !== "")
                    writer.uint32(10).string(message.self);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== "")
                    writer.uint32(18).string(message.epoch);
                if (message.members != null && message.members.length)
                    for (var i = 0; i < message.members.length; ++i)
                        $root.faast.v1.Member.encode(message.members[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.views != null && $Object.hasOwnProperty.call(message, "views") && (typeof message.views === "object" ? message.views.low || message.views.high : message.views !== 0))
                    writer.uint32(32).uint64(message.views);
                if (message.consistency != null && $Object.hasOwnProperty.call(message, "consistency") && message.consistency !== "")
                    writer.uint32(42).string(message.consistency);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Ring.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.Ring();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.self = value;
                            else
                                delete message.self;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.faast.v1.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.views = value;
                            else
                                delete message.views;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.consistency = value;
                            else
                                delete message.consistency;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Ring.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.Ring)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.Ring: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.Ring();
                if (object.self != null)
                    if (typeof object.self !== "string" || object.self.length)
                        message.self = $String(object.self);
                if (object.epoch != null)
                    if (typeof object.epoch !== "string" || object.epoch.length)
                        message.epoch = $String(object.epoch);
                if (object.members) {
                    if (!$Array.isArray(object.members))
                        throw $TypeError(".faast.v1.Ring.members: array expected");
                    message.members = $Array(object.members.length);
                    for (var i = 0; i < object.members.length; ++i) {
                        if (!$util.isObject(object.members[i]))
                            throw $TypeError(".faast.v1.Ring.members: object expected");
                        message.members[i] = $root.faast.v1.Member.fromObject(object.members[i], _depth + 1);
                    }
                }
                if (object.views != null)
                    if (typeof object.views === "object" ? object.views.low || object.views.high : $Number(object.views) !== 0)
                        if ($util.Long)
                            message.views = $util.Long.fromValue(object.views, true);
                        else if (typeof object.views === "string")
                            message.views = $parseInt(object.views, 10);
                        else if (typeof object.views === "number")
                            message.views = object.views;
                        else if (typeof object.views === "object")
                            message.views = new $util.LongBits(object.views.low >>> 0, object.views.high >>> 0).toNumber(true);
                if (object.consistency != null)
                    if (typeof object.consistency !== "string" || object.consistency.length)
                        message.consistency = $String(object.consistency);
                return message;
            };

            Ring.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.members = [];
                if (options.defaults) {
                    object.self = "";
                    object.epoch = "";
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.views = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.views = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.consistency = "";
                }
                if (message.self != null && $Object.hasOwnProperty.call(message, "self"))
                    object.self = message.self;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    object.epoch = message.epoch;
                if (message.members && message.members.length) {
                    object.members = $Array(message.members.length);
                    for (var j = 0; j < message.members.length; ++j)
                        object.members[j] = $root.faast.v1.Member.toObject(message.members[j], options, _depth + 1);
                }
                if (message.views != null && $Object.hasOwnProperty.call(message, "views"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.views = typeof message.views === "number" ? $BigInt(message.views) : $util.Long.fromBits(message.views.low >>> 0, message.views.high >>> 0, true).toBigInt();
                    else if (typeof message.views === "number")
                        object.views = options.longs === $String ? $String(message.views) : message.views;
                    else
                        object.views = options.longs === $String ? $util.Long.prototype.toString.call(message.views) : options.longs === $Number ? new $util.LongBits(message.views.low >>> 0, message.views.high >>> 0).toNumber(true) : message.views;
                if (message.consistency != null && $Object.hasOwnProperty.call(message, "consistency"))
                    object.consistency = message.consistency;
                return object;
            };

            Ring.prototype.toJSON = function() {
                return Ring.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ring;
        })();

        v1.Member = (function() {

            var Member = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Member.prototype.id = "";
            Member.prototype.address = "";
            Member.prototype.capacityBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Member.create = function(properties) {
                return new Member(properties);
            };

            Member.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(10).string(message.id);
                if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                    writer.uint32(18).string(message.address);
                if (message.capacityBytes != null && $Object.hasOwnProperty.call(message, "capacityBytes") && (typeof message.capacityBytes === "object" ? message.capacityBytes.low || message.capacityBytes.high : message.capacityBytes !== 0))
                    writer.uint32(24).uint64(message.capacityBytes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Member.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faast.v1.Member();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.address = value;
                            else
                                delete message.address;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.capacityBytes = value;
                            else
                                delete message.capacityBytes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Member.fromObject = function (object, _depth) {
                if (object instanceof $root.faast.v1.Member)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faast.v1.Member: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.faast.v1.Member();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.address != null)
                    if (typeof object.address !== "string" || object.address.length)
                        message.address = $String(object.address);
                if (object.capacityBytes != null)
                    if (typeof object.capacityBytes === "object" ? object.capacityBytes.low || object.capacityBytes.high : $Number(object.capacityBytes) !== 0)
                        if ($util.Long)
                            message.capacityBytes = $util.Long.fromValue(object.capacityBytes, true);
                        else if (typeof object.capacityBytes === "string")
                            message.capacityBytes = $parseInt(object.capacityBytes, 10);
                        else if (typeof object.capacityBytes === "number")
                            message.capacityBytes = object.capacityBytes;
                        else if (typeof object.capacityBytes === "object")
                            message.capacityBytes = new $util.LongBits(object.capacityBytes.low >>> 0, object.capacityBytes.high >>> 0).toNumber(true);
                return message;
            };

            Member.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.id = "";
                    object.address = "";
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, true);
                        object.capacityBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.capacityBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    object.address = message.address;
                if (message.capacityBytes != null && $Object.hasOwnProperty.call(message, "capacityBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.capacityBytes = typeof message.capacityBytes === "number" ? $BigInt(message.capacityBytes) : $util.Long.fromBits(message.capacityBytes.low >>> 0, message.capacityBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.capacityBytes === "number")
                        object.capacityBytes = options.longs === $String ? $String(message.capacityBytes) : message.capacityBytes;
                    else
                        object.capacityBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.capacityBytes) : options.longs === $Number ? new $util.LongBits(message.capacityBytes.low >>> 0, message.capacityBytes.high >>> 0).toNumber(true) : message.capacityBytes;
                return object;
            };

            Member.prototype.toJSON = function() {
                return Member.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Member;
        })();

        return v1;
    })();

    return faast;
})();

module.exports = $root;
