#!/usr/bin/env python3
"""pngdiff.py A B : counts differing pixels of two 8-bit RGB/RGBA PNGs and prints their bounding box."""
import sys, zlib, struct
def load(path):
    data = open(path, 'rb').read(); pos = 8; idat = b''; w = h = 0
    while pos < len(data):
        n, = struct.unpack('>I', data[pos:pos+4]); t = data[pos+4:pos+8]; body = data[pos+8:pos+8+n]; pos += 12 + n
        if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10]); bpp = {2: 3, 6: 4}[ctype]
        elif t == b'IDAT': idat += body
    raw = zlib.decompress(idat); stride = w * bpp; rows = []; prev = bytearray(stride); i = 0
    for _ in range(h):
        f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride
        if f == 1:
            for x in range(bpp, stride): line[x] = (line[x] + line[x-bpp]) & 255
        elif f == 2:
            for x in range(stride): line[x] = (line[x] + prev[x]) & 255
        elif f == 3:
            for x in range(stride): line[x] = (line[x] + ((line[x-bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
        elif f == 4:
            for x in range(stride):
                a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0
                p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, bpp, rows
wa, ha, ba, ra = load(sys.argv[1]); wb, hb, bb, rb = load(sys.argv[2])
if (wa, ha) != (wb, hb): print('size differs', (wa, ha), (wb, hb)); sys.exit(1)
n = 0; box = None
for y in range(ha):
    if ra[y] == rb[y]: continue
    for x in range(wa):
        if ra[y][x*ba:x*ba+3] != rb[y][x*bb:x*bb+3]:
            n += 1; box = (min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)) if box else (x, y, x, y)
print(n, box)
