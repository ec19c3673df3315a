// unode.cpu_profile: a function that keeps the CPU busy for the profiler
// to find (--cpu-prof must name `burn` in its tables).
'use strict';

function burn() {
    var x = 0;
    for (var i = 0; i < 3e6; i++)
        x += i % 7;
    return x;
}
burn();
burn();
