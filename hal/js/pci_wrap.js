// PciDevice.mapBar(i), enable() and claimIrq(handler) on top of
// native:hal_pci (hal/pci_js.cpp): each owner's `pci` returns copies of the
// devices (the native device as their prototype, for its methods) whose
// mapBar/claimIrq create objects owned by that owner, and whose enable()
// remembers bus masters so closing the owner turns bus mastering off.
//
// hal/hal_module.cpp calls this function for each owner (the app, every
// driver instance) with (native:hal_pci, the owner, the owner's bus-master
// list) and installs what it returns as the owner's `pci`. It is embedded in the kernel precompiled
// (cmake/EmbedBytecode.cmake): no compiling at boot.
(function (pci, owner, busMasters) {
    'use strict';
    function wrap(dev) {
        var w = Object.create(dev);
        Object.keys(dev).forEach(function (k) { w[k] = dev[k]; });
        Object.defineProperty(w, 'mapBar', {value: function (i) {
            var bar = null;
            dev.bars.forEach(function (b) { if (b.index === i) bar = b; });
            if (!bar)
                throw new RangeError('PciDevice ' + dev.address + ': no BAR ' + i);
            if (bar.kind === 'io')
                return owner.io.claim(bar.base, bar.size);
            return owner.mmio.map(bar.base, bar.size);
        }});
        // Bus mastering lets the device write to memory on its own: when
        // the owner closes, owner_close turns it off again (DESIGN:
        // stopping a driver closes everything it owned, bus mastering too).
        Object.defineProperty(w, 'enable', {value: function (options) {
            var command = dev.enable(options);
            if (options && options.busMaster)
                busMasters.push(dev);
            return command;
        }});
        Object.defineProperty(w, 'claimIrq', {value: function (handler) {
            if (!dev.irqPin || dev.irqLine > 15)
                throw new Error('PciDevice ' + dev.address + ': no interrupt line');
            return owner.irq.claim(dev.irqLine, handler, {shared: true});
        }});
        return w;
    }
    var api = Object.create(pci);
    api.devices = function () { return pci.devices().map(wrap); };
    api.find = function (filter) { return pci.find(filter).map(wrap); };
    return api;
})
