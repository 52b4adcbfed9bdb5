//! Photos that cannot betray their owner. An upload is recognised from its bytes (never its
//! name or declared type), decoded under explicit limits, and everything that is ever shown
//! is re-made from pixels: turned upright, blurred where a moderator asked, scaled, and
//! encoded afresh as a JPEG that carries no metadata at all (no EXIF, GPS, XMP, IPTC, ICC
//! profile, comment or thumbnail). The original is kept only sealed, in the store.
//!
//! The functions here are pure; `files` keeps the derived files on disk and bounds how many
//! decodes run at once.

mod files;

use std::io::Cursor;

use image::imageops::{self, FilterType};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage, RgbaImage};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use files::{MediaFiles, run};

/// The largest upload accepted.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels a photo may have (40 megapixels).
pub const MAX_PIXELS: u64 = 40_000_000;
/// The longest side a photo may claim; a header claiming more is refused before decoding.
const MAX_SIDE: u32 = 16_384;
/// What the decoder may allocate, output included (a 40 MP RGBA image takes 160 MB).
const MAX_DECODER_ALLOC: u64 = 200 * 1024 * 1024;
/// The longest side of the photo shown on a story page.
pub const DISPLAY_SIDE: u32 = 1600;
/// The longest side of the thumbnail.
pub const THUMBNAIL_SIDE: u32 = 400;
const JPEG_QUALITY: u8 = 85;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum MediaError {
    #[error("the photo is larger than 10 MB; please send a smaller one")]
    TooLarge,
    #[error("only JPEG, PNG and WebP photos are accepted, and this file is none of them")]
    Unsupported,
    #[error("the photo has too many pixels: at most 40 megapixels and 16384 pixels a side are accepted")]
    TooManyPixels,
    #[error("the photo could not be read: the file is damaged or incomplete")]
    Damaged,
    #[error("the photo could not be encoded")]
    Encode,
    #[error("{0}")]
    BadRegion(String),
}

/// The formats accepted, recognised by their signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

/// Recognises a photo from its first bytes.
pub fn sniff(bytes: &[u8]) -> Result<Format, MediaError> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(Format::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok(Format::Webp)
    } else {
        Err(MediaError::Unsupported)
    }
}

impl Format {
    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::Webp => ImageFormat::WebP,
        }
    }
}

fn classify(error: ImageError) -> MediaError {
    match error {
        ImageError::Limits(_) => MediaError::TooManyPixels,
        ImageError::Unsupported(_) => MediaError::Unsupported,
        _ => MediaError::Damaged,
    }
}

/// Decodes a photo under the limits above and turns it upright (EXIF orientation applied).
/// The dimensions in the header are checked before any large allocation.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, MediaError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(MediaError::TooLarge);
    }
    let format = sniff(bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODER_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(MediaError::Damaged);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(classify)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A rectangle to blur, in percent of the upright photo's width and height.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Distance from the left edge, 0–100.
    pub x: f32,
    /// Distance from the top edge, 0–100.
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

pub const MAX_REGIONS: usize = 20;

impl Region {
    /// Checks the numbers are inside the photo.
    pub fn check(&self) -> Result<(), MediaError> {
        let inside = |v: f32| v.is_finite() && (0.0..=100.0).contains(&v);
        if ![self.x, self.y, self.width, self.height].into_iter().all(inside)
            || self.width <= 0.0
            || self.height <= 0.0
            || self.x + self.width > 100.5
            || self.y + self.height > 100.5
        {
            return Err(MediaError::BadRegion(
                "a blur region must lie inside the photo: left, top, width and height in percent (0–100)".into(),
            ));
        }
        Ok(())
    }

    /// The region in pixels of a `width` × `height` image, never empty, never outside it.
    fn pixels(&self, width: u32, height: u32) -> (u32, u32, u32, u32) {
        let scale = |v: f32, size: u32| ((v / 100.0) * size as f32).round().clamp(0.0, size as f32) as u32;
        let x = scale(self.x, width).min(width - 1);
        let y = scale(self.y, height).min(height - 1);
        let w = scale(self.width, width).clamp(1, width - x);
        let h = scale(self.height, height).clamp(1, height - y);
        (x, y, w, h)
    }
}

/// Checks a list of regions as a moderator sent it.
pub fn check_regions(regions: &[Region]) -> Result<(), MediaError> {
    if regions.len() > MAX_REGIONS {
        return Err(MediaError::BadRegion(format!("at most {MAX_REGIONS} blur regions are allowed")));
    }
    regions.iter().try_for_each(Region::check)
}

/// Reads regions written one per line (or separated by `;`) as `left top width height` in
/// percent, the numbers separated by spaces or commas: `10 20 15 15`.
pub fn parse_regions(text: &str) -> Result<Vec<Region>, MediaError> {
    let regions = text
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let numbers: Vec<f32> = line
                .split([' ', ',', '\t'])
                .filter(|n| !n.is_empty())
                .map(|n| n.trim_end_matches('%').parse::<f32>())
                .collect::<Result<_, _>>()
                .map_err(|_| bad_line(line))?;
            match numbers[..] {
                [x, y, width, height] => Ok(Region { x, y, width, height }),
                _ => Err(bad_line(line)),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_regions(&regions)?;
    Ok(regions)
}

fn bad_line(line: &str) -> MediaError {
    MediaError::BadRegion(format!(
        "the blur region “{line}” should be four numbers in percent: left, top, width, height (e.g. 10 20 15 15)"
    ))
}

/// Writes regions back in the form `parse_regions` reads.
pub fn format_regions(regions: &[Region]) -> String {
    regions.iter().map(|r| format!("{} {} {} {}", r.x, r.y, r.width, r.height)).collect::<Vec<_>>().join("\n")
}

/// Blurs each region beyond recognition: the pixels are averaged down to a coarse mosaic,
/// scaled back and then blurred, so no face, sign or plate can be read back.
fn blur(image: DynamicImage, regions: &[Region]) -> DynamicImage {
    if regions.is_empty() {
        return image;
    }
    let mut pixels: RgbaImage = image.into_rgba8();
    let (width, height) = pixels.dimensions();
    for region in regions {
        let (x, y, w, h) = region.pixels(width, height);
        let part = imageops::crop_imm(&pixels, x, y, w, h).to_image();
        let coarse = imageops::resize(&part, (w / 16).max(1), (h / 16).max(1), FilterType::Triangle);
        let smeared = imageops::resize(&coarse, w, h, FilterType::Triangle);
        let sigma = (w.max(h) as f32 / 12.0).max(4.0);
        let blurred = imageops::fast_blur(&smeared, sigma);
        imageops::replace(&mut pixels, &blurred, i64::from(x), i64::from(y));
    }
    DynamicImage::ImageRgba8(pixels)
}

/// A JPEG made from pixels only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Scales the photo so its longest side is at most `longest`, lays any transparency on
/// white, and encodes a JPEG with no metadata.
fn render(image: &DynamicImage, longest: u32) -> Result<Rendition, MediaError> {
    let scaled = if image.width().max(image.height()) > longest {
        image.resize(longest, longest, FilterType::Triangle)
    } else {
        image.clone()
    };
    let rgb = on_white(&scaled);
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| MediaError::Encode)?;
    Ok(Rendition { bytes, width: rgb.width(), height: rgb.height() })
}

fn on_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

/// The two files a published photo is served from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renditions {
    pub display: Rendition,
    pub thumbnail: Rendition,
}

/// Makes what may be shown of a photo: upright, blurred where asked, scaled, re-encoded.
pub fn renditions(original: &[u8], regions: &[Region]) -> Result<Renditions, MediaError> {
    check_regions(regions)?;
    let image = blur(decode(original)?, regions);
    Ok(Renditions { display: render(&image, DISPLAY_SIDE)?, thumbnail: render(&image, THUMBNAIL_SIDE)? })
}

/// The moderator's preview: the display rendition only.
pub fn preview(original: &[u8], regions: &[Region]) -> Result<Rendition, MediaError> {
    check_regions(regions)?;
    render(&blur(decode(original)?, regions), DISPLAY_SIDE)
}

/// An upload that decoded cleanly within the limits, with its upright size.
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Upload({} bytes, {}×{})", self.bytes.len(), self.width, self.height)
    }
}

/// Accepts an upload only if it is a whole, decodable photo within the limits.
pub fn check_upload(bytes: Vec<u8>) -> Result<Upload, MediaError> {
    let image = decode(&bytes)?;
    Ok(Upload { width: image.width(), height: image.height(), bytes })
}

/// Checks an upload off the async runtime, a bounded number at once (see `run`).
pub async fn accept(bytes: Vec<u8>) -> Result<Upload, MediaError> {
    run(move || check_upload(bytes)).await
}

#[cfg(test)]
mod tests;
