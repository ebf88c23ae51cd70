package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates the bad-input corpus at test time (no binaries in the repository): damaged, hostile and
 * odd image files, each with the reader that must refuse it and a fragment of the expected message.
 * Every file is derived from a valid encoding made here or from the DICOM test resources.
 */
final class BadInputCorpus {

  /** Which reader a corpus file is for. */
  enum Reader {
    IMAGE,
    MASK
  }

  /**
   * One corpus file: the reader must throw a BadInputException naming it and saying {@code why}.
   */
  record Item(Path file, Reader reader, String why) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  private BadInputCorpus() {}

  /** A small valid image with varied pixels (seeded). */
  static BufferedImage noise(int w, int h, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    Random random = new Random(w * 31L + h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, random.nextInt());
      }
    }
    return img;
  }

  /** Writes every corpus file into {@code dir} and lists them. */
  static List<Item> write(Path dir) throws IOException {
    List<Item> items = new ArrayList<>();
    BufferedImage rgb = noise(24, 20, BufferedImage.TYPE_3BYTE_BGR);
    for (String format : new String[] {"png", "tiff", "bmp", "jpeg", "gif"}) {
      byte[] valid = ImageTestFiles.encode(rgb, format);
      items.add(
          item(
              dir,
              "truncated." + format,
              Arrays.copyOf(valid, valid.length / 2),
              Reader.IMAGE,
              ""));
      items.add(
          item(
              dir,
              "truncated-mask." + format,
              Arrays.copyOf(valid, valid.length / 2),
              Reader.MASK,
              ""));
      byte[] wrongMagic = valid.clone();
      wrongMagic[0] ^= 0x55;
      wrongMagic[1] ^= 0x55;
      items.add(item(dir, "wrong-magic." + format, wrongMagic, Reader.IMAGE, "not a "));
      items.add(item(dir, "empty." + format, new byte[0], Reader.IMAGE, "empty file"));
    }
    byte[] png = ImageTestFiles.encode(rgb, "png");
    byte[] flipped = png.clone();
    flipped[png.length / 2] ^= 0x10; // inside IDAT: the chunk CRC catches it
    items.add(item(dir, "bit-flipped.png", flipped, Reader.IMAGE, "fails its CRC check"));
    byte[] dicom = ImageReaderFormatsTest.resource("ct_u16_slope2.dcm");
    items.add(
        item(
            dir, "truncated.dcm", Arrays.copyOf(dicom, dicom.length - 100), Reader.IMAGE, "DICOM"));
    items.add(item(dir, "mask.dcm", dicom, Reader.MASK, "DICOM masks are not supported"));
    items.add(item(dir, "text.png", "just some text\n".getBytes(), Reader.IMAGE, "not a PNG file"));
    // decompression bombs: headers declaring billions of pixels, refused before allocating
    items.add(
        item(dir, "bomb.png", pngWithIdat(100_000, 100_000), Reader.IMAGE, "image too large"));
    // (the JDK's BMP reader already refuses a header whose size its data cannot hold)
    items.add(item(dir, "bomb.bmp", bmpHeader(20_000, 20_000), Reader.IMAGE, "BMP image"));
    items.add(
        item(dir, "bomb.jpeg", jpegWithSize(65_000, 65_000), Reader.IMAGE, "image too large"));
    items.add(item(dir, "bomb-mask.png", pngWithIdat(100_000, 100_000), Reader.MASK, "too large"));
    items.add(item(dir, "zero-size.png", pngWithIdat(0, 16), Reader.IMAGE, "zero-size image"));
    // a folder whose name looks like an image (what a careless drop or a wrong glob hands over)
    Path folder = Files.createDirectories(dir.resolve("folder.png"));
    items.add(new Item(folder, Reader.IMAGE, "is a folder, not an image file"));
    return items;
  }

  private static Item item(Path dir, String name, byte[] bytes, Reader reader, String why)
      throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return new Item(f, reader, why);
  }

  /** A PNG header of the given size with a tiny, CRC-correct IDAT and IEND. */
  static byte[] pngWithIdat(int width, int height) {
    return ImageTestFiles.concat(
        ImageTestFiles.pngHeader(width, height),
        ImageTestFiles.chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0, 0, 0, 0, 1}),
        ImageTestFiles.chunk("IEND", new byte[0]));
  }

  /** A 24-bit BMP header declaring {@code w x h} pixels followed by a few bytes of pixel data. */
  static byte[] bmpHeader(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(54 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(54 + 16).putInt(0).putInt(54);
    b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24);
    b.putInt(0).putInt(0).putInt(2835).putInt(2835).putInt(0).putInt(0);
    return b.array();
  }

  /** A valid small JPEG whose SOF0 header is patched to declare {@code w x h}. */
  static byte[] jpegWithSize(int w, int h) {
    byte[] jpeg = ImageTestFiles.encode(noise(16, 16, BufferedImage.TYPE_BYTE_GRAY), "jpeg");
    for (int i = 0; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
        jpeg[i + 5] = (byte) (h >> 8);
        jpeg[i + 6] = (byte) h;
        jpeg[i + 7] = (byte) (w >> 8);
        jpeg[i + 8] = (byte) w;
        return jpeg;
      }
    }
    throw new IllegalStateException("no SOF0 marker in the JPEG");
  }
}
