use image::{GenericImageView, Rgb, RgbImage, Rgba, RgbaImage};

use super::*;

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 95).encode_image(image).unwrap();
    bytes
}

fn png(image: &RgbaImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    image.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
    bytes
}

/// A busy pattern (so blurring it shows), 320 × 240.
fn checkerboard() -> RgbImage {
    RgbImage::from_fn(320, 240, |x, y| if (x / 4 + y / 4) % 2 == 0 { Rgb([250, 250, 250]) } else { Rgb([5, 5, 5]) })
}

#[test]
fn formats_are_recognised_by_their_bytes_only() {
    assert_eq!(sniff(&jpeg(&checkerboard())), Ok(Format::Jpeg));
    assert_eq!(sniff(&png(&RgbaImage::new(2, 2))), Ok(Format::Png));
    assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(Format::Webp));
    for refused in [
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".as_slice(),
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        b"%PDF-1.7\n",
        b"GIF89a\x01\x00\x01\x00",
        b"",
    ] {
        assert_eq!(decode(refused).unwrap_err(), MediaError::Unsupported);
    }
}

#[test]
fn webp_and_png_photos_are_accepted() {
    let image = RgbaImage::from_fn(48, 24, |x, _| Rgba([(x * 5) as u8, 80, 200, 255]));
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .encode(&image, 48, 24, image::ExtendedColorType::Rgba8)
        .unwrap();
    for bytes in [webp, png(&image)] {
        let upload = check_upload(bytes).unwrap();
        assert_eq!((upload.width, upload.height), (48, 24));
        let made = renditions(&upload.bytes, &[]).unwrap();
        assert_eq!(sniff(&made.display.bytes), Ok(Format::Jpeg));
    }
}

#[test]
fn oversized_uploads_are_refused_unread() {
    let mut big = jpeg(&checkerboard());
    big.resize(MAX_UPLOAD_BYTES + 1, 0);
    assert_eq!(decode(&big).unwrap_err(), MediaError::TooLarge);
}

#[test]
fn a_truncated_photo_is_refused_or_reduced_to_clean_pixels() {
    let whole = jpeg(&checkerboard());
    for cut in [20, whole.len() / 3, whole.len() - 10] {
        match check_upload(whole[..cut].to_vec()) {
            Err(error) => assert_eq!(error, MediaError::Damaged, "cut at {cut}"),
            Ok(upload) => {
                let made = renditions(&upload.bytes, &[]).unwrap();
                assert!(image::load_from_memory(&made.display.bytes).is_ok());
            }
        }
    }
    let whole = png(&RgbaImage::from_pixel(64, 64, Rgba([1, 2, 3, 255])));
    assert_eq!(check_upload(whole[..whole.len() / 2].to_vec()).unwrap_err(), MediaError::Damaged);
}

#[test]
fn a_jpeg_html_polyglot_is_reduced_to_clean_pixels() {
    let mut polyglot = jpeg(&checkerboard());
    // A comment segment right after the start marker, and HTML after the end marker.
    let comment = b"<html><script>alert('x')</script>";
    let mut segment = vec![0xFF, 0xFE];
    segment.extend(u16::try_from(comment.len() + 2).unwrap().to_be_bytes());
    segment.extend(comment);
    polyglot.splice(2..2, segment);
    polyglot.extend(b"<html><body><script>document.write('polyglot')</script></body></html>");
    let upload = check_upload(polyglot).unwrap();
    let made = renditions(&upload.bytes, &[]).unwrap();
    for rendition in [&made.display, &made.thumbnail] {
        let text = String::from_utf8_lossy(&rendition.bytes);
        assert!(!text.contains("<script") && !text.contains("<html"), "markup survived");
        assert!(rendition.bytes.ends_with(&[0xFF, 0xD9]), "nothing after the end of the image");
    }
}

#[test]
fn renditions_are_scaled_jpegs_without_metadata_segments() {
    let large = RgbImage::from_fn(2400, 1200, |x, _| Rgb([(x % 256) as u8, 90, 160]));
    let made = renditions(&jpeg(&large), &[]).unwrap();
    assert_eq!((made.display.width, made.display.height), (1600, 800));
    assert_eq!((made.thumbnail.width, made.thumbnail.height), (400, 200));
    let decoded = image::load_from_memory(&made.display.bytes).unwrap();
    assert_eq!(decoded.dimensions(), (1600, 800));
    // Only the JFIF header may precede the image data: no APP1 (EXIF/XMP), APP2 (ICC),
    // APP13 (IPTC) or comment segment.
    let bytes = &made.display.bytes;
    let mut at = 2;
    while bytes[at] == 0xFF && (0xE0..=0xFE).contains(&bytes[at + 1]) {
        assert_eq!(bytes[at + 1], 0xE0, "segment {:#x} written", bytes[at + 1]);
        at += 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
    }
}

#[test]
fn transparency_is_laid_on_white() {
    let mut image = RgbaImage::from_pixel(40, 40, Rgba([0, 0, 0, 0]));
    image.put_pixel(0, 0, Rgba([0, 0, 0, 255]));
    let made = renditions(&png(&image), &[]).unwrap();
    let decoded = image::load_from_memory(&made.display.bytes).unwrap().to_rgb8();
    assert!(decoded.get_pixel(30, 30).0.iter().all(|&c| c > 240), "{:?}", decoded.get_pixel(30, 30));
}

fn variance(image: &RgbImage, x0: u32, y0: u32, w: u32, h: u32) -> f64 {
    let values: Vec<f64> = (y0..y0 + h)
        .flat_map(|y| (x0..x0 + w).map(move |x| (x, y)))
        .map(|(x, y)| f64::from(image.get_pixel(x, y).0[0]))
        .collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64
}

fn mean_difference(a: &RgbImage, b: &RgbImage, x0: u32, y0: u32, w: u32, h: u32) -> f64 {
    let total: f64 = (y0..y0 + h)
        .flat_map(|y| (x0..x0 + w).map(move |x| (x, y)))
        .map(|(x, y)| f64::from(a.get_pixel(x, y).0[0].abs_diff(b.get_pixel(x, y).0[0])))
        .sum();
    total / f64::from(w * h)
}

#[test]
fn blur_changes_the_region_and_nothing_outside_it() {
    let original = jpeg(&checkerboard());
    // 25% from the left, 25% from the top, half the width and half the height: 80..240 × 60..180.
    let region = Region { x: 25.0, y: 25.0, width: 50.0, height: 50.0 };
    let plain = image::load_from_memory(&renditions(&original, &[]).unwrap().display.bytes).unwrap().to_rgb8();
    let blurred = image::load_from_memory(&renditions(&original, &[region]).unwrap().display.bytes).unwrap().to_rgb8();
    // Inside: the pattern is gone.
    let (inside_before, inside_after) = (variance(&plain, 96, 76, 128, 88), variance(&blurred, 96, 76, 128, 88));
    assert!(inside_before > 5000.0, "{inside_before}");
    assert!(inside_after < inside_before / 50.0, "{inside_after} vs {inside_before}");
    // Outside (away from the JPEG blocks that straddle the edge): unchanged.
    for (x, y, w, h) in [(0, 0, 320, 48), (0, 192, 320, 48), (0, 48, 64, 144), (256, 48, 64, 144)] {
        let difference = mean_difference(&plain, &blurred, x, y, w, h);
        assert!(difference < 1.0, "outside region changed by {difference} at {x},{y}");
        assert!((variance(&blurred, x, y, w, h) - variance(&plain, x, y, w, h)).abs() < 50.0);
    }
}

#[test]
fn blur_regions_are_read_from_text_and_checked() {
    assert_eq!(
        parse_regions("10 20 15 15\n 0,0,100,100 ; 5% 5% 10% 10%").unwrap(),
        vec![
            Region { x: 10.0, y: 20.0, width: 15.0, height: 15.0 },
            Region { x: 0.0, y: 0.0, width: 100.0, height: 100.0 },
            Region { x: 5.0, y: 5.0, width: 10.0, height: 10.0 },
        ]
    );
    assert_eq!(parse_regions("  \n").unwrap(), vec![]);
    for bad in ["10 20 15", "a b c d", "90 10 20 10", "-1 0 10 10", "0 0 0 10", "NaN 0 1 1"] {
        assert!(matches!(parse_regions(bad), Err(MediaError::BadRegion(_))), "{bad}");
    }
    let many = vec!["1 1 1 1"; MAX_REGIONS + 1].join("\n");
    assert!(matches!(parse_regions(&many), Err(MediaError::BadRegion(_))));
    let regions = parse_regions("10 20 15 15\n0 0 100 100").unwrap();
    assert_eq!(parse_regions(&format_regions(&regions)).unwrap(), regions);
}

#[test]
fn a_region_at_the_edge_stays_inside_the_image() {
    let region = Region { x: 99.9, y: 99.9, width: 0.6, height: 0.6 };
    assert_eq!(region.pixels(10, 10), (9, 9, 1, 1));
    let made = renditions(&jpeg(&RgbImage::new(10, 10)), &[region]).unwrap();
    assert_eq!((made.display.width, made.display.height), (10, 10));
}
