// The partitions of a disk: an MBR partition table (four primary entries at
// byte 446 of sector 0, the 0x55 0xAA signature at 510; logical partitions
// in a chain of extended boot records), or no table at all when sector 0 is
// itself a FAT boot sector (a "superfloppy", as USB sticks and mkfs.fat on a
// whole image make them). Pure logic over sector bytes: readSector(lba)
// returns a Uint8Array of one sector.
//
// Numbering follows Linux: primary entries are 1-4 by their slot (an empty
// slot leaves a gap), logical partitions 5, 6, ... in chain order.
'use strict';

var bpb = require('./fat_bpb.js');

// Partition types holding FAT (and what they are called).
var FAT_TYPES = {0x01: 'FAT12', 0x04: 'FAT16 <32M', 0x06: 'FAT16', 0x0B: 'FAT32 CHS',
    0x0C: 'FAT32 LBA', 0x0E: 'FAT16 LBA', 0x11: 'hidden FAT12', 0x14: 'hidden FAT16 <32M',
    0x16: 'hidden FAT16', 0x1B: 'hidden FAT32', 0x1C: 'hidden FAT32 LBA',
    0x1E: 'hidden FAT16 LBA'};
var EXTENDED = {0x05: true, 0x0F: true, 0x85: true};
var MAX_LOGICAL = 64;       // a bound on the EBR chain (a loop must not hang us)

function u32(b, at) {
    return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0;
}

function hasSignature(sector) { return sector[510] === 0x55 && sector[511] === 0xAA; }

// One 16-byte entry: {status, type, lba (relative), count}, or null if empty.
function entry(sector, i) {
    var at = 446 + 16 * i;
    var type = sector[at + 4], count = u32(sector, at + 12);
    if (type === 0 || count === 0)
        return null;
    return {status: sector[at], type: type, lba: u32(sector, at + 8), count: count};
}

function describe(p) {
    return {number: p.number, type: p.type, lba: p.lba, count: p.count,
        fat: FAT_TYPES[p.type] !== undefined, typeName: FAT_TYPES[p.type] || 'type 0x' +
        (p.type < 16 ? '0' : '') + p.type.toString(16)};
}

// parse(readSector, sectorCount) -> {scheme: 'mbr'|'superfloppy'|'none',
//     partitions: [{number, type, typeName, lba, count, fat}], warnings: [...]}
// Entries that do not fit on the disk are left out with a warning.
function parse(readSector, sectorCount) {
    var first = readSector(0);
    var result = {scheme: 'none', partitions: [], warnings: []};
    // As Linux decides: a table whose status bytes are all 0 or 0x80 and
    // that has an entry is a partition table; otherwise a FAT boot sector
    // there makes the disk a superfloppy (its boot code fills bytes 446-509).
    var primary = [], valid = hasSignature(first);
    for (var i = 0; i < 4 && valid; i++) {
        var status = first[446 + 16 * i];
        if (status !== 0 && status !== 0x80)
            valid = false;
        var e = entry(first, i);
        if (e) {
            e.number = i + 1;
            primary.push(e);
        }
    }
    if (!valid || primary.length === 0) {
        if (bpb.looksLikeBootSector(first))
            result.scheme = 'superfloppy';
        return result;
    }
    result.scheme = 'mbr';
    function add(p) {
        if (p.lba === 0 || p.lba + p.count > sectorCount) {
            result.warnings.push('partition ' + p.number + ' (sectors ' + p.lba + '..' +
                (p.lba + p.count - 1) + ') does not fit on the disk of ' + sectorCount +
                ' sectors: ignored');
            return false;
        }
        result.partitions.push(describe(p));
        return true;
    }
    var extended = null;
    primary.forEach(function (p) {
        if (EXTENDED[p.type]) {
            if (!extended && p.lba + p.count <= sectorCount)
                extended = p;
            else
                result.warnings.push('partition ' + p.number + ': extended partition ignored');
        } else {
            add(p);
        }
    });
    if (extended)
        logical(readSector, extended, result, add);
    return result;
}

// The EBR chain: each EBR's first entry is a logical partition (relative
// to this EBR), its second the next EBR (relative to the extended partition).
function logical(readSector, extended, result, add) {
    var ebr = extended.lba, number = 5;
    for (var k = 0; k < MAX_LOGICAL; k++) {
        var sector = readSector(ebr);
        if (!hasSignature(sector)) {
            result.warnings.push('extended boot record at sector ' + ebr + ' has no signature');
            return;
        }
        var part = entry(sector, 0), next = entry(sector, 1);
        if (part) {
            part.lba += ebr;
            part.number = number++;
            if (part.lba + part.count > extended.lba + extended.count)
                result.warnings.push('logical partition ' + part.number +
                    ' runs past its extended partition: ignored');
            else
                add(part);
        }
        if (!next || !EXTENDED[next.type])
            return;
        var at = extended.lba + next.lba;
        if (at <= ebr || at >= extended.lba + extended.count) {
            result.warnings.push('extended boot record chain goes backwards or out of its ' +
                'partition at sector ' + at + ': stopped');
            return;
        }
        ebr = at;
    }
    result.warnings.push('more than ' + MAX_LOGICAL + ' logical partitions: stopped');
}

module.exports = {parse: parse, FAT_TYPES: FAT_TYPES};
