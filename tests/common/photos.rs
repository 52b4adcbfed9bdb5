//! Photos as a phone makes them: a JPEG carrying EXIF (GPS position, camera serial number,
//! a rotation flag) and XMP, for the tests that prove none of it is ever served; and a
//! decompression bomb. Shared by more than one test binary, each using part of it.
#![allow(dead_code)]

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::{Rgb, RgbImage};

/// Where the photo was "taken": the text a scan looks for in what is served.
pub const LATITUDE_TEXT: &str = "36.2021";
pub const SERIAL: &str = "SN-PASSAGE-424242";

fn ascii(tag: Tag, text: &str) -> Field {
    Field { tag, ifd_num: In::PRIMARY, value: Value::Ascii(vec![text.as_bytes().to_vec()]) }
}

fn rational(tag: Tag, values: &[(u32, u32)]) -> Field {
    let value = Value::Rational(values.iter().map(|&(num, denom)| Rational { num, denom }).collect());
    Field { tag, ifd_num: In::PRIMARY, value }
}

/// A 64 × 32 photo stored sideways: red on the left, blue on the right, with EXIF
/// orientation 6 (turn 90° clockwise to view), so upright it is 32 × 64, red on top.
/// `marker` goes into the camera owner's name, the XMP packet and a JPEG comment.
pub fn phone_photo(marker: &str) -> Vec<u8> {
    let pixels = RgbImage::from_fn(64, 32, |x, _| if x < 32 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95).encode_image(&pixels).unwrap();

    let fields = [
        Field { tag: Tag::Orientation, ifd_num: In::PRIMARY, value: Value::Short(vec![6]) },
        ascii(Tag::Make, "PassagePhone"),
        ascii(Tag::BodySerialNumber, SERIAL),
        ascii(Tag::CameraOwnerName, marker),
        ascii(Tag::GPSLatitudeRef, "N"),
        rational(Tag::GPSLatitude, &[(36, 1), (12, 1), (758, 100)]),
        ascii(Tag::GPSLongitudeRef, "E"),
        rational(Tag::GPSLongitude, &[(37, 1), (9, 1), (3, 1)]),
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let exif = [b"Exif\0\0".as_slice(), tiff.get_ref()].concat();
    let xmp = format!(
        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description \
         exif:GPSLatitude=\"{LATITUDE_TEXT}N\" dc:creator=\"{marker}\"/></rdf:RDF></x:xmpmeta>"
    );
    let mut segments = Vec::new();
    for (marker_byte, payload) in [(0xE1, exif), (0xE1, xmp.into_bytes()), (0xFE, marker.as_bytes().to_vec())] {
        segments.extend([0xFF, marker_byte]);
        segments.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        segments.extend(payload);
    }
    jpeg.splice(2..2, segments);
    jpeg
}

/// A PNG whose header claims `width` × `height` pixels, with valid checksums and a few
/// bytes of compressed data (a real bomb's data would inflate to the claimed size).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 6, 0, 0, 0]);
    let zlib_of_nothing = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", header.as_slice()), (b"IDAT", &zlib_of_nothing), (b"IEND", &[])] {
        bytes.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
        let chunk = [kind.as_slice(), data].concat();
        bytes.extend(&chunk);
        bytes.extend(crc32fast::hash(&chunk).to_be_bytes());
    }
    bytes
}

/// A busy black-and-white pattern, 320 × 240, that blurring visibly flattens.
pub fn checkerboard_jpeg() -> Vec<u8> {
    let pixels =
        RgbImage::from_fn(
            320,
            240,
            |x, y| if (x / 4 + y / 4) % 2 == 0 { Rgb([250, 250, 250]) } else { Rgb([5, 5, 5]) },
        );
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95).encode_image(&pixels).unwrap();
    jpeg
}
