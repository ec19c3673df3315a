// require('dns'): lookup (IP literals, /etc/hosts, then an A query), the
// resolve4/resolve A queries, the server list, and dns.promises. IPv4 only:
// a family 6 lookup of a name fails with "not supported in unode".
'use strict';

var codedErrors = require('./internal/coded_errors.js');
var ip = require('./internal/net/ip.js');
var wire = require('./internal/dns/wire.js');
var config = require('./internal/dns/config.js');
var resolver = require('./internal/dns/resolver.js');

var servers = null;  // [{address, port}], from resolv.conf on first use
var hosts = null;

function getServerList() {
    if (servers === null)
        servers = config.readNameservers().map(function (address) {
            return { address: address, port: 53 };
        });
    return servers;
}

function getServers() {
    return getServerList().map(function (server) {
        return server.port === 53 ? server.address : server.address + ':' + server.port;
    });
}

// setServers(['127.0.0.1', '127.0.0.1:5353', ...]); IPv4 only.
function setServers(list) {
    if (!Array.isArray(list))
        throw codedErrors.invalidArgType('servers', 'Array', list);
    var parsed = list.map(function (entry, index) {
        var text = String(entry);
        var match = /^(\d+\.\d+\.\d+\.\d+)(?::(\d+))?$/.exec(text);
        if (match === null || !ip.isIPv4(match[1]) || (match[2] && Number(match[2]) > 65535)) {
            if (ip.isIPv6(text.replace(/^\[|\](:\d+)?$/g, '')))
                throw codedErrors.notSupported('IPv6 name servers');
            var error = new TypeError('Invalid IP address: ' + text);
            error.code = 'ERR_INVALID_IP_ADDRESS';
            throw error;
        }
        return { address: match[1], port: match[2] ? Number(match[2]) : 53 };
    });
    servers = parsed;
}

function makeError(code, syscall, hostname) {
    var error = new Error(syscall + ' ' + code + ' ' + hostname);
    // getaddrinfo's EAI_* codes have libuv numbers; c-ares codes none.
    error.errno = syscall !== 'getaddrinfo' ? undefined : code === 'ENOTFOUND' ? -3008 : -3001;
    error.code = code;
    error.syscall = syscall;
    error.hostname = hostname;
    return error;
}

// lookup(hostname[, options], callback(err, address, family)) or, with
// {all: true}, callback(err, [{address, family}]).
function lookup(hostname, options, callback) {
    if (typeof options === 'function') {
        callback = options;
        options = {};
    } else if (typeof options === 'number') {
        options = { family: options };
    } else if (options === undefined || options === null) {
        options = {};
    }
    if (typeof callback !== 'function')
        throw codedErrors.invalidArgType('callback', 'function', callback);
    if (hostname !== undefined && hostname !== null && typeof hostname !== 'string')
        throw codedErrors.invalidArgType('hostname', 'string', hostname);
    var family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6
        : options.family || 0;
    if (family !== 0 && family !== 4 && family !== 6)
        throw codedErrors.invalidArgValue('options.family', options.family,
            'must be one of: 0, 4, 6');
    var all = !!options.all;
    function answer(err, address, addressFamily) {
        if (err)
            callback(err);
        else if (all)
            callback(null, address === null ? [] : [{ address: address, family: addressFamily }]);
        else
            callback(null, address, addressFamily);
    }
    if (!hostname) {
        process.nextTick(answer, null, null, family === 6 ? 6 : 4);
        return {};
    }
    var literal = ip.isIP(hostname);
    if (literal) {
        process.nextTick(answer, null, hostname, literal);
        return {};
    }
    if (family === 6) {
        process.nextTick(answer, codedErrors.notSupported('IPv6 lookups (' + hostname + ')'));
        return {};
    }
    if (hosts === null)
        hosts = config.readHosts();
    var key = hostname.toLowerCase().replace(/\.$/, '');
    if (Object.prototype.hasOwnProperty.call(hosts, key)) {
        process.nextTick(answer, null, hosts[key], 4);
        return {};
    }
    resolver.query(hostname, wire.TYPE.A, getServerList(), function (code, response) {
        var addresses = code === null ? wire.addressesFor(response, hostname) : [];
        if (code === null && addresses.length === 0)
            code = 'ENOTFOUND';
        if (code !== null) {
            // getaddrinfo's view: no such name, or try again later.
            code = code === 'ENOTFOUND' || code === 'ENODATA' ? 'ENOTFOUND' : 'EAI_AGAIN';
            answer(makeError(code, 'getaddrinfo', hostname));
            return;
        }
        if (all) {
            callback(null, addresses.map(function (a) {
                return { address: a.address, family: 4 };
            }));
        } else {
            callback(null, addresses[0].address, 4);
        }
    });
    return {};
}

// resolve4(hostname[, {ttl}], callback(err, addresses))
function resolve4(hostname, options, callback) {
    if (typeof options === 'function') {
        callback = options;
        options = {};
    }
    if (typeof hostname !== 'string')
        throw codedErrors.invalidArgType('name', 'string', hostname);
    if (typeof callback !== 'function')
        throw codedErrors.invalidArgType('callback', 'function', callback);
    var withTtl = !!(options && options.ttl);
    resolver.query(hostname, wire.TYPE.A, getServerList(), function (code, response) {
        var addresses = code === null ? wire.addressesFor(response, hostname) : [];
        if (code === null && addresses.length === 0)
            code = 'ENODATA';
        if (code !== null) {
            callback(makeError(code, 'queryA', hostname));
            return;
        }
        callback(null, addresses.map(function (a) {
            return withTtl ? { address: a.address, ttl: a.ttl } : a.address;
        }));
    });
    return {};
}

function resolve(hostname, rrtype, callback) {
    if (typeof rrtype === 'function') {
        callback = rrtype;
        rrtype = 'A';
    }
    if (rrtype !== 'A') {
        if (typeof rrtype !== 'string')
            throw codedErrors.invalidArgType('rrtype', 'string', rrtype);
        throw codedErrors.notSupported('dns.resolve() of ' + rrtype + ' records');
    }
    return resolve4(hostname, callback);
}

function promisify(fn) {
    return function () {
        var args = Array.prototype.slice.call(arguments);
        return new Promise(function (resolvePromise, reject) {
            args.push(function (err, value, family) {
                if (err)
                    reject(err);
                else if (fn === lookup && family !== undefined)
                    resolvePromise({ address: value, family: family });
                else
                    resolvePromise(value);
            });
            fn.apply(null, args);
        });
    };
}

var promises = {
    lookup: promisify(lookup),
    resolve4: promisify(resolve4),
    resolve: promisify(resolve),
    getServers: getServers,
    setServers: setServers
};

exports.lookup = lookup;
exports.resolve4 = resolve4;
exports.resolve = resolve;
exports.getServers = getServers;
exports.setServers = setServers;
exports.promises = promises;
// Error codes, as in Node.
['NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY', 'BADNAME',
    'BADFAMILY', 'BADRESP', 'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM', 'DESTRUCTION',
    'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS', 'NOTINITIALIZED', 'LOADIPHLPAPI',
    'ADDRGETNETWORKPARAMS', 'CANCELLED'].forEach(function (name) { exports[name] = 'E' + name; });
