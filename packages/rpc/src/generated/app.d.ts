import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace faast {

    namespace v1 {

        interface IAppFrame extends faast.v1.AppFrame.$Properties {
        }

        class AppFrame {
            constructor(properties?: faast.v1.AppFrame.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            get?: (faast.v1.GetRequest.$Properties|null);
            getReply?: (faast.v1.GetReply.$Properties|null);
            head?: (faast.v1.HeadRequest.$Properties|null);
            headReply?: (faast.v1.HeadReply.$Properties|null);
            notifyWrite?: (faast.v1.NotifyWriteRequest.$Properties|null);
            notifyWriteReply?: (faast.v1.NotifyWriteReply.$Properties|null);
            invalidate?: (faast.v1.InvalidateRequest.$Properties|null);
            invalidateReply?: (faast.v1.InvalidateReply.$Properties|null);
            error?: (faast.v1.AppError.$Properties|null);
            invalidation?: (faast.v1.HolderInvalidation.$Properties|null);
            holderAck?: (faast.v1.HolderAck.$Properties|null);
            ack?: (faast.v1.Ack.$Properties|null);
            getDone?: (faast.v1.GetDone.$Properties|null);
            cancel?: (faast.v1.Cancel.$Properties|null);
            body?: ("get"|"getReply"|"head"|"headReply"|"notifyWrite"|"notifyWriteReply"|"invalidate"|"invalidateReply"|"error"|"invalidation"|"holderAck"|"ack"|"getDone"|"cancel");
            static create(properties: faast.v1.AppFrame.$Shape): faast.v1.AppFrame & faast.v1.AppFrame.$Shape;
            static create(properties?: faast.v1.AppFrame.$Properties): faast.v1.AppFrame;
            static encode(message: faast.v1.AppFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.AppFrame & faast.v1.AppFrame.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.AppFrame;
            static toObject(message: faast.v1.AppFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace AppFrame {
            interface $Properties {
                id?: (number|null);
                get?: (faast.v1.GetRequest.$Properties|null);
                getReply?: (faast.v1.GetReply.$Properties|null);
                head?: (faast.v1.HeadRequest.$Properties|null);
                headReply?: (faast.v1.HeadReply.$Properties|null);
                notifyWrite?: (faast.v1.NotifyWriteRequest.$Properties|null);
                notifyWriteReply?: (faast.v1.NotifyWriteReply.$Properties|null);
                invalidate?: (faast.v1.InvalidateRequest.$Properties|null);
                invalidateReply?: (faast.v1.InvalidateReply.$Properties|null);
                error?: (faast.v1.AppError.$Properties|null);
                invalidation?: (faast.v1.HolderInvalidation.$Properties|null);
                holderAck?: (faast.v1.HolderAck.$Properties|null);
                ack?: (faast.v1.Ack.$Properties|null);
                getDone?: (faast.v1.GetDone.$Properties|null);
                cancel?: (faast.v1.Cancel.$Properties|null);
                body?: ("get"|"getReply"|"head"|"headReply"|"notifyWrite"|"notifyWriteReply"|"invalidate"|"invalidateReply"|"error"|"invalidation"|"holderAck"|"ack"|"getDone"|"cancel");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              id?: number|null;
              get?: faast.v1.GetRequest.$Shape|null;
              getReply?: faast.v1.GetReply.$Shape|null;
              head?: faast.v1.HeadRequest.$Shape|null;
              headReply?: faast.v1.HeadReply.$Shape|null;
              notifyWrite?: faast.v1.NotifyWriteRequest.$Shape|null;
              notifyWriteReply?: faast.v1.NotifyWriteReply.$Shape|null;
              invalidate?: faast.v1.InvalidateRequest.$Shape|null;
              invalidateReply?: faast.v1.InvalidateReply.$Shape|null;
              error?: faast.v1.AppError.$Shape|null;
              invalidation?: faast.v1.HolderInvalidation.$Shape|null;
              holderAck?: faast.v1.HolderAck.$Shape|null;
              ack?: faast.v1.Ack.$Shape|null;
              getDone?: faast.v1.GetDone.$Shape|null;
              cancel?: faast.v1.Cancel.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "get"; get: faast.v1.GetRequest.$Shape; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "getReply"; get?: null; getReply: faast.v1.GetReply.$Shape; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "head"; get?: null; getReply?: null; head: faast.v1.HeadRequest.$Shape; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "headReply"; get?: null; getReply?: null; head?: null; headReply: faast.v1.HeadReply.$Shape; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "notifyWrite"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite: faast.v1.NotifyWriteRequest.$Shape; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "notifyWriteReply"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply: faast.v1.NotifyWriteReply.$Shape; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "invalidate"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate: faast.v1.InvalidateRequest.$Shape; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "invalidateReply"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply: faast.v1.InvalidateReply.$Shape; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "error"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error: faast.v1.AppError.$Shape; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "invalidation"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation: faast.v1.HolderInvalidation.$Shape; holderAck?: null; ack?: null; getDone?: null; cancel?: null }|{ body?: "holderAck"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck: faast.v1.HolderAck.$Shape; ack?: null; getDone?: null; cancel?: null }|{ body?: "ack"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack: faast.v1.Ack.$Shape; getDone?: null; cancel?: null }|{ body?: "getDone"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone: faast.v1.GetDone.$Shape; cancel?: null }|{ body?: "cancel"; get?: null; getReply?: null; head?: null; headReply?: null; notifyWrite?: null; notifyWriteReply?: null; invalidate?: null; invalidateReply?: null; error?: null; invalidation?: null; holderAck?: null; ack?: null; getDone?: null; cancel: faast.v1.Cancel.$Shape })
            );
        }

        interface IAck extends faast.v1.Ack.$Properties {
        }

        class Ack {
            constructor(properties?: faast.v1.Ack.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: faast.v1.Ack.$Shape): faast.v1.Ack & faast.v1.Ack.$Shape;
            static create(properties?: faast.v1.Ack.$Properties): faast.v1.Ack;
            static encode(message: faast.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.Ack & faast.v1.Ack.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.Ack;
            static toObject(message: faast.v1.Ack, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Ack {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.Ack.$Properties;
        }

        interface IGetDone extends faast.v1.GetDone.$Properties {
        }

        class GetDone {
            constructor(properties?: faast.v1.GetDone.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: faast.v1.GetDone.$Shape): faast.v1.GetDone & faast.v1.GetDone.$Shape;
            static create(properties?: faast.v1.GetDone.$Properties): faast.v1.GetDone;
            static encode(message: faast.v1.GetDone.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.GetDone & faast.v1.GetDone.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.GetDone;
            static toObject(message: faast.v1.GetDone, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace GetDone {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.GetDone.$Properties;
        }

        interface ICancel extends faast.v1.Cancel.$Properties {
        }

        class Cancel {
            constructor(properties?: faast.v1.Cancel.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: faast.v1.Cancel.$Shape): faast.v1.Cancel & faast.v1.Cancel.$Shape;
            static create(properties?: faast.v1.Cancel.$Properties): faast.v1.Cancel;
            static encode(message: faast.v1.Cancel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.Cancel & faast.v1.Cancel.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.Cancel;
            static toObject(message: faast.v1.Cancel, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Cancel {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.Cancel.$Properties;
        }

        enum Code {
            OK = 0,
            CANCELLED = 1,
            UNKNOWN = 2,
            INVALID_ARGUMENT = 3,
            DEADLINE_EXCEEDED = 4,
            NOT_FOUND = 5,
            ALREADY_EXISTS = 6,
            PERMISSION_DENIED = 7,
            RESOURCE_EXHAUSTED = 8,
            FAILED_PRECONDITION = 9,
            ABORTED = 10,
            OUT_OF_RANGE = 11,
            UNIMPLEMENTED = 12,
            INTERNAL = 13,
            UNAVAILABLE = 14
        }

        enum Reason {
            REASON_UNSPECIFIED = 0,
            BAD_REQUEST = 1,
            BAD_KEY = 2,
            BAD_RANGE = 3,
            NOT_SERVED_BUCKET = 4,
            ORIGIN_ERROR = 5,
            CHANGED_AT_ORIGIN = 6,
            STARTING = 7,
            DRAINING = 8,
            FRAME_TOO_LARGE = 9,
            MALFORMED_FRAME = 10,
            TOO_MANY_IN_FLIGHT = 11,
            BULK_NOT_TAKEN = 12,
            UNKNOWN_REQUEST = 13,
            INTERNAL_ERROR = 14
        }

        interface IAppError extends faast.v1.AppError.$Properties {
        }

        class AppError {
            constructor(properties?: faast.v1.AppError.$Properties);
            $unknowns?: Uint8Array[];
            code: faast.v1.Code;
            reason: faast.v1.Reason;
            message: string;
            static create(properties: faast.v1.AppError.$Shape): faast.v1.AppError & faast.v1.AppError.$Shape;
            static create(properties?: faast.v1.AppError.$Properties): faast.v1.AppError;
            static encode(message: faast.v1.AppError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.AppError & faast.v1.AppError.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.AppError;
            static toObject(message: faast.v1.AppError, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace AppError {
            interface $Properties {
                code?: (faast.v1.Code|null);
                reason?: (faast.v1.Reason|null);
                message?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.AppError.$Properties;
        }

        interface IHolderInvalidation extends faast.v1.HolderInvalidation.$Properties {
        }

        class HolderInvalidation {
            constructor(properties?: faast.v1.HolderInvalidation.$Properties);
            $unknowns?: Uint8Array[];
            seq: number;
            refs: faast.v1.ObjectRef.$Properties[];
            all: boolean;
            static create(properties: faast.v1.HolderInvalidation.$Shape): faast.v1.HolderInvalidation & faast.v1.HolderInvalidation.$Shape;
            static create(properties?: faast.v1.HolderInvalidation.$Properties): faast.v1.HolderInvalidation;
            static encode(message: faast.v1.HolderInvalidation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.HolderInvalidation & faast.v1.HolderInvalidation.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.HolderInvalidation;
            static toObject(message: faast.v1.HolderInvalidation, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HolderInvalidation {
            interface $Properties {
                seq?: (number|null);
                refs?: (faast.v1.ObjectRef.$Properties[]|null);
                all?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.HolderInvalidation.$Properties;
        }

        interface IHolderAck extends faast.v1.HolderAck.$Properties {
        }

        class HolderAck {
            constructor(properties?: faast.v1.HolderAck.$Properties);
            $unknowns?: Uint8Array[];
            seq: number;
            static create(properties: faast.v1.HolderAck.$Shape): faast.v1.HolderAck & faast.v1.HolderAck.$Shape;
            static create(properties?: faast.v1.HolderAck.$Properties): faast.v1.HolderAck;
            static encode(message: faast.v1.HolderAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.HolderAck & faast.v1.HolderAck.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.HolderAck;
            static toObject(message: faast.v1.HolderAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HolderAck {
            interface $Properties {
                seq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.HolderAck.$Properties;
        }

        interface IObjectRef extends faast.v1.ObjectRef.$Properties {
        }

        class ObjectRef {
            constructor(properties?: faast.v1.ObjectRef.$Properties);
            $unknowns?: Uint8Array[];
            bucket: string;
            key: string;
            static create(properties: faast.v1.ObjectRef.$Shape): faast.v1.ObjectRef & faast.v1.ObjectRef.$Shape;
            static create(properties?: faast.v1.ObjectRef.$Properties): faast.v1.ObjectRef;
            static encode(message: faast.v1.ObjectRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.ObjectRef & faast.v1.ObjectRef.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.ObjectRef;
            static toObject(message: faast.v1.ObjectRef, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ObjectRef {
            interface $Properties {
                bucket?: (string|null);
                key?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.ObjectRef.$Properties;
        }

        interface IObjectMeta extends faast.v1.ObjectMeta.$Properties {
        }

        class ObjectMeta {
            constructor(properties?: faast.v1.ObjectMeta.$Properties);
            $unknowns?: Uint8Array[];
            etag: string;
            size: number;
            lastModifiedMs?: (number|null);
            contentType: string;
            userMetadata: { [k: string]: string };
            headers: { [k: string]: string };
            static create(properties: faast.v1.ObjectMeta.$Shape): faast.v1.ObjectMeta & faast.v1.ObjectMeta.$Shape;
            static create(properties?: faast.v1.ObjectMeta.$Properties): faast.v1.ObjectMeta;
            static encode(message: faast.v1.ObjectMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.ObjectMeta & faast.v1.ObjectMeta.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.ObjectMeta;
            static toObject(message: faast.v1.ObjectMeta, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ObjectMeta {
            interface $Properties {
                etag?: (string|null);
                size?: (number|null);
                lastModifiedMs?: (number|null);
                contentType?: (string|null);
                userMetadata?: ({ [k: string]: string }|null);
                headers?: ({ [k: string]: string }|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.ObjectMeta.$Properties;
        }

        enum Status {
            STATUS_UNSPECIFIED = 0,
            OK = 1,
            PARTIAL_CONTENT = 2,
            NOT_MODIFIED = 3,
            PRECONDITION_FAILED = 4,
            RANGE_NOT_SATISFIABLE = 5,
            NOT_FOUND = 6,
            CHUNKED = 7
        }

        interface IConditions extends faast.v1.Conditions.$Properties {
        }

        class Conditions {
            constructor(properties?: faast.v1.Conditions.$Properties);
            $unknowns?: Uint8Array[];
            ifMatch?: (string|null);
            ifNoneMatch?: (string|null);
            ifModifiedSinceMs?: (number|null);
            ifUnmodifiedSinceMs?: (number|null);
            static create(properties: faast.v1.Conditions.$Shape): faast.v1.Conditions & faast.v1.Conditions.$Shape;
            static create(properties?: faast.v1.Conditions.$Properties): faast.v1.Conditions;
            static encode(message: faast.v1.Conditions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.Conditions & faast.v1.Conditions.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.Conditions;
            static toObject(message: faast.v1.Conditions, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Conditions {
            interface $Properties {
                ifMatch?: (string|null);
                ifNoneMatch?: (string|null);
                ifModifiedSinceMs?: (number|null);
                ifUnmodifiedSinceMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.Conditions.$Properties;
        }

        interface IGetRequest extends faast.v1.GetRequest.$Properties {
        }

        class GetRequest {
            constructor(properties?: faast.v1.GetRequest.$Properties);
            $unknowns?: Uint8Array[];
            ref?: (faast.v1.ObjectRef.$Properties|null);
            range?: (string|null);
            conditions?: (faast.v1.Conditions.$Properties|null);
            bulk: boolean;
            hold: boolean;
            static create(properties: faast.v1.GetRequest.$Shape): faast.v1.GetRequest & faast.v1.GetRequest.$Shape;
            static create(properties?: faast.v1.GetRequest.$Properties): faast.v1.GetRequest;
            static encode(message: faast.v1.GetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.GetRequest & faast.v1.GetRequest.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.GetRequest;
            static toObject(message: faast.v1.GetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace GetRequest {
            interface $Properties {
                ref?: (faast.v1.ObjectRef.$Properties|null);
                range?: (string|null);
                conditions?: (faast.v1.Conditions.$Properties|null);
                bulk?: (boolean|null);
                hold?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.GetRequest.$Properties;
        }

        enum Source {
            SOURCE_UNSPECIFIED = 0,
            HIT = 1,
            MISS = 2,
            PASS_THROUGH = 3
        }

        interface IGetHeader extends faast.v1.GetHeader.$Properties {
        }

        class GetHeader {
            constructor(properties?: faast.v1.GetHeader.$Properties);
            $unknowns?: Uint8Array[];
            status: faast.v1.Status;
            meta?: (faast.v1.ObjectMeta.$Properties|null);
            rangeStart?: (number|null);
            rangeEnd?: (number|null);
            contentLength: number;
            source: faast.v1.Source;
            bulkToken: Uint8Array;
            held: boolean;
            static create(properties: faast.v1.GetHeader.$Shape): faast.v1.GetHeader & faast.v1.GetHeader.$Shape;
            static create(properties?: faast.v1.GetHeader.$Properties): faast.v1.GetHeader;
            static encode(message: faast.v1.GetHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.GetHeader & faast.v1.GetHeader.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.GetHeader;
            static toObject(message: faast.v1.GetHeader, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace GetHeader {
            interface $Properties {
                status?: (faast.v1.Status|null);
                meta?: (faast.v1.ObjectMeta.$Properties|null);
                rangeStart?: (number|null);
                rangeEnd?: (number|null);
                contentLength?: (number|null);
                source?: (faast.v1.Source|null);
                bulkToken?: (Uint8Array|null);
                held?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.GetHeader.$Properties;
        }

        interface IGetReply extends faast.v1.GetReply.$Properties {
        }

        class GetReply {
            constructor(properties?: faast.v1.GetReply.$Properties);
            $unknowns?: Uint8Array[];
            header?: (faast.v1.GetHeader.$Properties|null);
            data: Uint8Array;
            static create(properties: faast.v1.GetReply.$Shape): faast.v1.GetReply & faast.v1.GetReply.$Shape;
            static create(properties?: faast.v1.GetReply.$Properties): faast.v1.GetReply;
            static encode(message: faast.v1.GetReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.GetReply & faast.v1.GetReply.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.GetReply;
            static toObject(message: faast.v1.GetReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace GetReply {
            interface $Properties {
                header?: (faast.v1.GetHeader.$Properties|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.GetReply.$Properties;
        }

        interface IHeadRequest extends faast.v1.HeadRequest.$Properties {
        }

        class HeadRequest {
            constructor(properties?: faast.v1.HeadRequest.$Properties);
            $unknowns?: Uint8Array[];
            ref?: (faast.v1.ObjectRef.$Properties|null);
            conditions?: (faast.v1.Conditions.$Properties|null);
            static create(properties: faast.v1.HeadRequest.$Shape): faast.v1.HeadRequest & faast.v1.HeadRequest.$Shape;
            static create(properties?: faast.v1.HeadRequest.$Properties): faast.v1.HeadRequest;
            static encode(message: faast.v1.HeadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.HeadRequest & faast.v1.HeadRequest.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.HeadRequest;
            static toObject(message: faast.v1.HeadRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HeadRequest {
            interface $Properties {
                ref?: (faast.v1.ObjectRef.$Properties|null);
                conditions?: (faast.v1.Conditions.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.HeadRequest.$Properties;
        }

        interface IHeadReply extends faast.v1.HeadReply.$Properties {
        }

        class HeadReply {
            constructor(properties?: faast.v1.HeadReply.$Properties);
            $unknowns?: Uint8Array[];
            status: faast.v1.Status;
            meta?: (faast.v1.ObjectMeta.$Properties|null);
            source: faast.v1.Source;
            static create(properties: faast.v1.HeadReply.$Shape): faast.v1.HeadReply & faast.v1.HeadReply.$Shape;
            static create(properties?: faast.v1.HeadReply.$Properties): faast.v1.HeadReply;
            static encode(message: faast.v1.HeadReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.HeadReply & faast.v1.HeadReply.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.HeadReply;
            static toObject(message: faast.v1.HeadReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HeadReply {
            interface $Properties {
                status?: (faast.v1.Status|null);
                meta?: (faast.v1.ObjectMeta.$Properties|null);
                source?: (faast.v1.Source|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.HeadReply.$Properties;
        }

        interface INotifyWriteRequest extends faast.v1.NotifyWriteRequest.$Properties {
        }

        class NotifyWriteRequest {
            constructor(properties?: faast.v1.NotifyWriteRequest.$Properties);
            $unknowns?: Uint8Array[];
            ref?: (faast.v1.ObjectRef.$Properties|null);
            etag: string;
            static create(properties: faast.v1.NotifyWriteRequest.$Shape): faast.v1.NotifyWriteRequest & faast.v1.NotifyWriteRequest.$Shape;
            static create(properties?: faast.v1.NotifyWriteRequest.$Properties): faast.v1.NotifyWriteRequest;
            static encode(message: faast.v1.NotifyWriteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.NotifyWriteRequest & faast.v1.NotifyWriteRequest.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.NotifyWriteRequest;
            static toObject(message: faast.v1.NotifyWriteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace NotifyWriteRequest {
            interface $Properties {
                ref?: (faast.v1.ObjectRef.$Properties|null);
                etag?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.NotifyWriteRequest.$Properties;
        }

        interface INotifyWriteReply extends faast.v1.NotifyWriteReply.$Properties {
        }

        class NotifyWriteReply {
            constructor(properties?: faast.v1.NotifyWriteReply.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: faast.v1.NotifyWriteReply.$Shape): faast.v1.NotifyWriteReply & faast.v1.NotifyWriteReply.$Shape;
            static create(properties?: faast.v1.NotifyWriteReply.$Properties): faast.v1.NotifyWriteReply;
            static encode(message: faast.v1.NotifyWriteReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.NotifyWriteReply & faast.v1.NotifyWriteReply.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.NotifyWriteReply;
            static toObject(message: faast.v1.NotifyWriteReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace NotifyWriteReply {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.NotifyWriteReply.$Properties;
        }

        interface IInvalidateRequest extends faast.v1.InvalidateRequest.$Properties {
        }

        class InvalidateRequest {
            constructor(properties?: faast.v1.InvalidateRequest.$Properties);
            $unknowns?: Uint8Array[];
            refs: faast.v1.ObjectRef.$Properties[];
            static create(properties: faast.v1.InvalidateRequest.$Shape): faast.v1.InvalidateRequest & faast.v1.InvalidateRequest.$Shape;
            static create(properties?: faast.v1.InvalidateRequest.$Properties): faast.v1.InvalidateRequest;
            static encode(message: faast.v1.InvalidateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.InvalidateRequest & faast.v1.InvalidateRequest.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.InvalidateRequest;
            static toObject(message: faast.v1.InvalidateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace InvalidateRequest {
            interface $Properties {
                refs?: (faast.v1.ObjectRef.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.InvalidateRequest.$Properties;
        }

        interface IInvalidateReply extends faast.v1.InvalidateReply.$Properties {
        }

        class InvalidateReply {
            constructor(properties?: faast.v1.InvalidateReply.$Properties);
            $unknowns?: Uint8Array[];
            dropped: number;
            static create(properties: faast.v1.InvalidateReply.$Shape): faast.v1.InvalidateReply & faast.v1.InvalidateReply.$Shape;
            static create(properties?: faast.v1.InvalidateReply.$Properties): faast.v1.InvalidateReply;
            static encode(message: faast.v1.InvalidateReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.InvalidateReply & faast.v1.InvalidateReply.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.InvalidateReply;
            static toObject(message: faast.v1.InvalidateReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace InvalidateReply {
            interface $Properties {
                dropped?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.InvalidateReply.$Properties;
        }

        interface IStatsRequest extends faast.v1.StatsRequest.$Properties {
        }

        class StatsRequest {
            constructor(properties?: faast.v1.StatsRequest.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: faast.v1.StatsRequest.$Shape): faast.v1.StatsRequest & faast.v1.StatsRequest.$Shape;
            static create(properties?: faast.v1.StatsRequest.$Properties): faast.v1.StatsRequest;
            static encode(message: faast.v1.StatsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.StatsRequest & faast.v1.StatsRequest.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.StatsRequest;
            static toObject(message: faast.v1.StatsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace StatsRequest {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.StatsRequest.$Properties;
        }

        interface IStatsReply extends faast.v1.StatsReply.$Properties {
        }

        class StatsReply {
            constructor(properties?: faast.v1.StatsReply.$Properties);
            $unknowns?: Uint8Array[];
            app: string;
            origin: string;
            hits: number;
            misses: number;
            coalesced: number;
            passThrough: number;
            notFound: number;
            originErrors: number;
            bytesServed: number;
            bytesFromOrigin: number;
            originRequests: number;
            objects: number;
            bytesUsed: number;
            capacityBytes: number;
            evictions: number;
            invalidations: number;
            badRequests: number;
            heads: number;
            maxObjectBytes: number;
            uptimeSeconds: number;
            forwarded: number;
            peerServed: number;
            replicaHits: number;
            validations: number;
            peerErrors: number;
            peerFallbacks: number;
            notOwner: number;
            revalidations: number;
            replicaObjects: number;
            replicaBytes: number;
            ring?: (faast.v1.Ring.$Properties|null);
            chunkedReads: number;
            chunkHits: number;
            chunkMisses: number;
            chunkPeerFetches: number;
            chunkPassThrough: number;
            versionChanges: number;
            chunkReplicaHits: number;
            static create(properties: faast.v1.StatsReply.$Shape): faast.v1.StatsReply & faast.v1.StatsReply.$Shape;
            static create(properties?: faast.v1.StatsReply.$Properties): faast.v1.StatsReply;
            static encode(message: faast.v1.StatsReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.StatsReply & faast.v1.StatsReply.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.StatsReply;
            static toObject(message: faast.v1.StatsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace StatsReply {
            interface $Properties {
                app?: (string|null);
                origin?: (string|null);
                hits?: (number|null);
                misses?: (number|null);
                coalesced?: (number|null);
                passThrough?: (number|null);
                notFound?: (number|null);
                originErrors?: (number|null);
                bytesServed?: (number|null);
                bytesFromOrigin?: (number|null);
                originRequests?: (number|null);
                objects?: (number|null);
                bytesUsed?: (number|null);
                capacityBytes?: (number|null);
                evictions?: (number|null);
                invalidations?: (number|null);
                badRequests?: (number|null);
                heads?: (number|null);
                maxObjectBytes?: (number|null);
                uptimeSeconds?: (number|null);
                forwarded?: (number|null);
                peerServed?: (number|null);
                replicaHits?: (number|null);
                validations?: (number|null);
                peerErrors?: (number|null);
                peerFallbacks?: (number|null);
                notOwner?: (number|null);
                revalidations?: (number|null);
                replicaObjects?: (number|null);
                replicaBytes?: (number|null);
                ring?: (faast.v1.Ring.$Properties|null);
                chunkedReads?: (number|null);
                chunkHits?: (number|null);
                chunkMisses?: (number|null);
                chunkPeerFetches?: (number|null);
                chunkPassThrough?: (number|null);
                versionChanges?: (number|null);
                chunkReplicaHits?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.StatsReply.$Properties;
        }

        interface IRing extends faast.v1.Ring.$Properties {
        }

        class Ring {
            constructor(properties?: faast.v1.Ring.$Properties);
            $unknowns?: Uint8Array[];
            self: string;
            epoch: string;
            members: faast.v1.Member.$Properties[];
            views: number;
            consistency: string;
            static create(properties: faast.v1.Ring.$Shape): faast.v1.Ring & faast.v1.Ring.$Shape;
            static create(properties?: faast.v1.Ring.$Properties): faast.v1.Ring;
            static encode(message: faast.v1.Ring.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.Ring & faast.v1.Ring.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.Ring;
            static toObject(message: faast.v1.Ring, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Ring {
            interface $Properties {
                self?: (string|null);
                epoch?: (string|null);
                members?: (faast.v1.Member.$Properties[]|null);
                views?: (number|null);
                consistency?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.Ring.$Properties;
        }

        interface IMember extends faast.v1.Member.$Properties {
        }

        class Member {
            constructor(properties?: faast.v1.Member.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            address: string;
            capacityBytes: number;
            static create(properties: faast.v1.Member.$Shape): faast.v1.Member & faast.v1.Member.$Shape;
            static create(properties?: faast.v1.Member.$Properties): faast.v1.Member;
            static encode(message: faast.v1.Member.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faast.v1.Member & faast.v1.Member.$Shape;
            static fromObject(object: { [k: string]: any }): faast.v1.Member;
            static toObject(message: faast.v1.Member, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Member {
            interface $Properties {
                id?: (string|null);
                address?: (string|null);
                capacityBytes?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faast.v1.Member.$Properties;
        }
    }
}
