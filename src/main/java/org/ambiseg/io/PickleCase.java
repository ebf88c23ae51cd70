package org.ambiseg.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * One validated case of the LIDC pickle held compactly until loaded: the image as floats and each
 * mask as one bit per pixel.
 */
final class PickleCase implements IndexedDataset.Entry {

  private final String id;
  private final String seriesUid;
  private final int width;
  private final int height;
  private final float[] image;
  private final List<long[]> masks;

  private PickleCase(
      String id, String seriesUid, int width, int height, float[] image, List<long[]> masks) {
    this.id = id;
    this.seriesUid = seriesUid;
    this.width = width;
    this.height = height;
    this.image = image;
    this.masks = masks;
  }

  /**
   * Validates one pickled case {@code {'image': HxW float in [0, 1], 'masks': [HxW binary, ...],
   * 'series_uid': str}}; {@code source} names the file and key in errors.
   */
  static PickleCase from(String source, String id, Object value) throws BadInputException {
    if (!(value instanceof Map<?, ?> map)) {
      throw new BadInputException(
          source, "case is " + PickleArray.typeName(value) + ", not a dict");
    }
    PickleArray img = array(source, "image", map.get("image"));
    int[] shape = img.shape();
    if (shape.length != 2 || shape[0] == 0 || shape[1] == 0) {
      throw new BadInputException(source, "image is " + img + ", expected a 2-D array");
    }
    int h = shape[0];
    int w = shape[1];
    float[] pixels = imagePixels(source, img);
    Object rawMasks = map.get("masks");
    List<?> maskList =
        rawMasks instanceof Object[] t ? List.of(t) : rawMasks instanceof List<?> l ? l : null;
    if (maskList == null) {
      throw new BadInputException(
          source, "'masks' is " + PickleArray.typeName(rawMasks) + ", expected a list of arrays");
    }
    List<long[]> masks = new ArrayList<>(maskList.size());
    for (int r = 0; r < maskList.size(); r++) {
      PickleArray m = array(source, "masks[" + r + "]", maskList.get(r));
      int[] ms = m.shape();
      if (ms.length != 2 || ms[0] != h || ms[1] != w) {
        throw new BadInputException(
            source, "masks[" + r + "] is " + m + " but the image is " + w + "x" + h);
      }
      masks.add(packMask(source + " masks[" + r + "]", m));
    }
    if (!(map.get("series_uid") instanceof String series) || series.isBlank()) {
      throw new BadInputException(source, "missing text 'series_uid'");
    }
    return new PickleCase(id, series, w, h, pixels, List.copyOf(masks));
  }

  @Override
  public String id() {
    return id;
  }

  /** The CT series uid: the closest thing to a patient id the pickle holds. */
  @Override
  public Optional<String> patientId() {
    return Optional.of(seriesUid);
  }

  int raterCount() {
    return masks.size();
  }

  /** The full case. */
  Case toCase(String source) {
    List<LabelMask> raters = new ArrayList<>(masks.size());
    for (long[] bits : masks) {
      boolean[] fg = new boolean[width * height];
      for (int i = 0; i < fg.length; i++) {
        fg[i] = (bits[i >>> 6] & (1L << i)) != 0;
      }
      raters.add(LabelMask.binary(width, height, fg));
    }
    return new Case(
        id,
        Optional.of(seriesUid),
        Image2D.grey(width, height, image),
        raters,
        Map.of(
            "source", source, "format", DatasetFormat.LIDC_PICKLE.id(), "series_uid", seriesUid));
  }

  private static PickleArray array(String source, String key, Object o) throws BadInputException {
    if (!(o instanceof PickleArray a)) {
      throw new BadInputException(
          source, "'" + key + "' is " + PickleArray.typeName(o) + ", expected a numpy array");
    }
    return a;
  }

  private static float[] imagePixels(String source, PickleArray img) throws BadInputException {
    double[] v = img.values();
    boolean bytes = img.dtype().kind() == 'u' && img.dtype().itemSize() == 1;
    if (!img.dtype().isFloat() && !bytes) {
      throw new BadInputException(
          source, "image has dtype " + img.dtype() + ", expected float in [0, 1] or uint8");
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      double x = bytes ? v[i] / 255.0 : v[i];
      if (!(x >= 0 && x <= 1)) {
        throw new BadInputException(
            source, "image value " + v[i] + " at index " + i + " is outside [0, 1]");
      }
      out[i] = (float) x;
    }
    return out;
  }

  private static long[] packMask(String source, PickleArray m) throws BadInputException {
    if (m.isBinary()) {
      double on = m.onValue();
      if (on == 0 || (on > 0 && !Double.isInfinite(on))) {
        return m.bits();
      }
      throw new BadInputException(source, "mask value " + on + " is not a foreground value");
    }
    double[] v = m.values();
    long[] bits = new long[(v.length + 63) >>> 6];
    double foreground = 0;
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      if (x == 0) {
        continue;
      }
      if (!(x > 0) || Double.isInfinite(x) || (foreground != 0 && x != foreground)) {
        throw new BadInputException(
            source,
            "mask value "
                + x
                + " at index "
                + i
                + " is not binary (expected 0 and one positive value)");
      }
      foreground = x;
      bits[i >>> 6] |= 1L << i;
    }
    return bits;
  }
}
