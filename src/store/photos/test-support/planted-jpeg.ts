import sharp from "sharp";

// A synthetic JPEG carrying what a phone camera writes: a make, an author, an orientation and a
// GPS position (Mariupol), so that tests can check each of them is gone.
export async function plantedJpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 120, b: 90 } } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: "PlantedCam", Artist: "Planted Photographer" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "47/1 5/1 4/1", GPSLongitudeRef: "E", GPSLongitude: "37/1 32/1 9/1" },
      },
    })
    .toBuffer();
}
