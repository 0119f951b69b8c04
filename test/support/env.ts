// The AWS SDK is pinned on purpose while these machines run Node 20; its notice is noise in tests.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
