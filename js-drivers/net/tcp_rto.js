// The retransmission timeout (RFC 6298): SRTT and RTTVAR from RTT samples
// (alpha 1/8, beta 1/4), RTO = SRTT + max(G, 4 RTTVAR), at least MIN_MS,
// at most MAX_MS, doubled on each timeout (backoff) until a new sample.
// Samples come only from segments never retransmitted (Karn's rule; the
// caller sees to it).
'use strict';

var INITIAL_MS = 1000;   // RFC 6298 2.1
var MIN_MS = 200;        // Linux's TCP_RTO_MIN (the RFC's 1 s is conservative)
var MAX_MS = 120000;     // Linux's TCP_RTO_MAX
var GRANULARITY_MS = 1;

function Rto() {
    this.srtt = -1;
    this.rttvar = 0;
    this.rto = INITIAL_MS;
    this.backoffs = 0;
}

// (Compares, not Math.min/max/abs: a sample comes with nearly every ACK
// of new data, and each Math call is a built-in call in Duktape, about
// 2,000 instructions.)
Rto.prototype.sample = function (ms) {
    if (!(ms > 0))
        ms = 0;
    if (this.srtt < 0) {
        this.srtt = ms;
        this.rttvar = ms / 2;
    } else {
        var error = this.srtt > ms ? this.srtt - ms : ms - this.srtt;
        this.rttvar = 0.75 * this.rttvar + 0.25 * error;
        this.srtt = 0.875 * this.srtt + 0.125 * ms;
    }
    this.backoffs = 0;
    var spread = 4 * this.rttvar;
    var rto = this.srtt + (spread > GRANULARITY_MS ? spread : GRANULARITY_MS);
    this.rto = rto < MIN_MS ? MIN_MS : rto > MAX_MS ? MAX_MS : rto;
};

// Doubles the timeout (RFC 6298 5.5).
Rto.prototype.backoff = function () {
    this.backoffs++;
    this.rto = Math.min(MAX_MS, this.rto * 2);
};

module.exports = { Rto: Rto, INITIAL_MS: INITIAL_MS, MIN_MS: MIN_MS, MAX_MS: MAX_MS };
