"""Pictures for tests, made here: real PNG, JPEG, GIF, WebP and SVG bytes, and bad ones."""

import io
import struct
import zlib

from PIL import Image, ImageDraw


def photo(width: int = 800, height: int = 600, kind: str = "PNG", hue: int = 0) -> bytes:
    """A picture with something to see in it (a sky, a hill, a sun), of the given size."""
    image = Image.new("RGB", (width, height), (90 + hue % 100, 150, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(70, 130, 60))
    draw.ellipse((width * 0.65, height * 0.12, width * 0.8, height * 0.32), fill=(250, 210, 80))
    data = io.BytesIO()
    image.save(data, kind)
    return data.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, with a few bytes of data:
    what a decompression bomb looks like before anything is decoded."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">'
    '<rect width="120" height="80" fill="#cde"/><circle cx="60" cy="40" r="25" fill="#357"/>'
    "</svg>"
)
