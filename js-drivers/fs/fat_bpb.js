// The FAT boot sector and its BIOS Parameter Block (BPB): where the FATs,
// the root directory and the data region are, and whether the volume is
// FAT12, FAT16 or FAT32. Microsoft's FAT32 File System Specification 1.03
// ("the spec"): §3.1-3.3 the fields, §3.5 the type, decided by the count of
// clusters (never by the type string) between FAT12 and FAT16, and by the
// layout (a 16-bit FAT size of 0) for FAT32, as Linux does.
//
// parse() checks every field a driver relies on and throws an Error whose
// message says what is wrong (code 'EINVAL'): a corrupt volume is refused
// at mount, not discovered by a wild write later.
'use strict';

function u16(b, at) { return b[at] | b[at + 1] << 8; }
function u32(b, at) { return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0; }

function isPowerOfTwo(n) { return n > 0 && (n & (n - 1)) === 0; }

function text(b, at, length) {
    var s = '';
    for (var i = 0; i < length; i++)
        s += String.fromCharCode(b[at + i]);
    return s.replace(/ +$/, '');
}

// A cheap test for "this sector is a FAT boot sector" (used to tell a
// superfloppy from an MBR): the jump instruction, the signature and sane
// geometry fields.
function looksLikeBootSector(b) {
    if (!(b[0] === 0xEB && b[2] === 0x90) && b[0] !== 0xE9)
        return false;
    if (b[510] !== 0x55 || b[511] !== 0xAA)
        return false;
    var bps = u16(b, 11), spc = b[13];
    return bps >= 512 && bps <= 4096 && isPowerOfTwo(bps) && isPowerOfTwo(spc) &&
        u16(b, 14) > 0 && b[16] > 0 && b[16] <= 4 && (b[21] === 0xF0 || b[21] >= 0xF8);
}

function fail(what) {
    var e = new Error('not a valid FAT volume: ' + what);
    e.code = 'EINVAL';
    return e;
}

// parse(bytes of sector 0, bytes in the partition) -> the geometry:
// {type: 12|16|32, bytesPerSector, sectorsPerCluster, clusterSize,
//  reservedSectors, numFats, fatSectors, rootEntries, rootDirSectors,
//  totalSectors, firstDataSector, clusterCount, rootCluster, fsInfoSector,
//  activeFat (-1: all mirrored), volumeId, label, oem}
function parse(b, partitionBytes) {
    if (b.length < 512)
        throw fail('boot sector of ' + b.length + ' bytes');
    if (b[510] !== 0x55 || b[511] !== 0xAA)
        throw fail('no 0x55 0xAA signature at byte 510 of the boot sector');
    if (!(b[0] === 0xEB && b[2] === 0x90) && b[0] !== 0xE9)
        throw fail('no jump instruction at byte 0 (0x' + b[0].toString(16) + ')');
    var g = {};
    g.oem = text(b, 3, 8);
    g.bytesPerSector = u16(b, 11);
    if ([512, 1024, 2048, 4096].indexOf(g.bytesPerSector) < 0)
        throw fail('bytes per sector ' + g.bytesPerSector + ' (512, 1024, 2048 or 4096)');
    g.sectorsPerCluster = b[13];
    if (!isPowerOfTwo(g.sectorsPerCluster) || g.sectorsPerCluster > 128)
        throw fail('sectors per cluster ' + g.sectorsPerCluster + ' (a power of 2 up to 128)');
    g.clusterSize = g.sectorsPerCluster * g.bytesPerSector;
    g.reservedSectors = u16(b, 14);
    if (g.reservedSectors === 0)
        throw fail('no reserved sectors (the boot sector is one)');
    g.numFats = b[16];
    if (g.numFats === 0)
        throw fail('no FAT (number of FATs 0)');
    g.rootEntries = u16(b, 17);
    var total16 = u16(b, 19), total32 = u32(b, 32);
    g.totalSectors = total16 !== 0 ? total16 : total32;
    var fat16Size = u16(b, 22);
    g.fatSectors = fat16Size !== 0 ? fat16Size : u32(b, 36);
    if (g.fatSectors === 0)
        throw fail('FAT size 0');
    g.media = b[21];
    g.rootDirSectors = Math.ceil(g.rootEntries * 32 / g.bytesPerSector);
    g.firstDataSector = g.reservedSectors + g.numFats * g.fatSectors + g.rootDirSectors;
    if (g.totalSectors <= g.firstDataSector)
        throw fail('total sectors ' + g.totalSectors + ' leave no data region (it starts at ' +
            g.firstDataSector + ')');
    if (partitionBytes !== undefined && g.totalSectors * g.bytesPerSector > partitionBytes)
        throw fail(g.totalSectors + ' sectors of ' + g.bytesPerSector + ' do not fit in the ' +
            partitionBytes + ' bytes of the partition');
    g.clusterCount = Math.floor((g.totalSectors - g.firstDataSector) / g.sectorsPerCluster);
    // The spec §3.5: the type is the count of clusters. But mkfs.fat -F 32
    // makes FAT32 volumes of fewer clusters when asked (with a warning), and
    // Linux reads a volume whose 16-bit FAT size is 0 as FAT32 whatever its
    // count; so do we: the layout decides between FAT32 and FAT12/16.
    if (g.clusterCount === 0)
        throw fail('no clusters');
    if (fat16Size === 0)
        g.type = 32;
    else if (g.clusterCount < 65525)
        g.type = g.clusterCount < 4085 ? 12 : 16;
    else
        throw fail('a FAT12/16 layout (16-bit FAT size ' + fat16Size + ') with ' +
            g.clusterCount + ' clusters (FAT16 has fewer than 65525)');
    var bitsPerEntry = g.type === 12 ? 12 : g.type === 16 ? 16 : 32;
    if (Math.floor(g.fatSectors * g.bytesPerSector * 8 / bitsPerEntry) < g.clusterCount + 2)
        throw fail('a FAT of ' + g.fatSectors + ' sectors is too small for ' +
            g.clusterCount + ' clusters');
    g.activeFat = -1;
    if (g.type === 32) {
        if (g.rootEntries !== 0)
            throw fail('FAT32 layout with ' + g.rootEntries + ' fixed root directory entries');
        var extFlags = u16(b, 40);
        if (extFlags & 0x80) {      // mirroring off: only one FAT is used (spec §3.3)
            g.activeFat = extFlags & 0x0F;
            if (g.activeFat >= g.numFats)
                throw fail('active FAT ' + g.activeFat + ' of ' + g.numFats);
        }
        if (u16(b, 42) !== 0)
            throw fail('FAT32 version ' + u16(b, 42).toString(16) + ' (0.0 is known)');
        g.rootCluster = u32(b, 44);
        if (g.rootCluster < 2 || g.rootCluster >= g.clusterCount + 2)
            throw fail('root directory cluster ' + g.rootCluster + ' outside 2..' +
                (g.clusterCount + 1));
        g.fsInfoSector = u16(b, 48);
        g.backupBootSector = u16(b, 50);
        g.volumeId = b[66] === 0x29 ? u32(b, 67) : 0;
        g.label = b[66] === 0x29 ? text(b, 71, 11) : '';
    } else {
        if (g.rootEntries === 0)
            throw fail('FAT' + g.type + ' (' + g.clusterCount + ' clusters) without root ' +
                'directory entries');
        g.rootCluster = 0;
        g.fsInfoSector = 0;
        g.volumeId = b[38] === 0x29 ? u32(b, 39) : 0;
        g.label = b[38] === 0x29 ? text(b, 43, 11) : '';
    }
    return g;
}

// Byte offsets inside the volume.
function fatOffset(g, copy) { return (g.reservedSectors + copy * g.fatSectors) * g.bytesPerSector; }
function rootDirOffset(g) {
    return (g.reservedSectors + g.numFats * g.fatSectors) * g.bytesPerSector;
}
function clusterOffset(g, cluster) {
    return (g.firstDataSector + (cluster - 2) * g.sectorsPerCluster) * g.bytesPerSector;
}

module.exports = {parse: parse, looksLikeBootSector: looksLikeBootSector,
    fatOffset: fatOffset, rootDirOffset: rootDirOffset, clusterOffset: clusterOffset};
