// inherits@2.0.4: picks util.inherits under node (and unode).
var inherits = require('inherits');
var EventEmitter = require('events');
function Child() { EventEmitter.call(this); }
inherits(Child, EventEmitter);
var child = new Child();
child.on('ping', function (v) { console.log('ping', v, this instanceof Child); });
child.emit('ping', 1);
console.log(Child.super_ === EventEmitter, child instanceof EventEmitter,
    Object.getPrototypeOf(Child.prototype) === EventEmitter.prototype);
console.log(inherits === require('util').inherits);
