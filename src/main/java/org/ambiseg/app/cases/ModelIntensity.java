package org.ambiseg.app.cases;

import org.ambiseg.io.DicomWindow;

/**
 * How CT values in Hounsfield units become the [0, 1] intensities a model was trained on, for
 * cropping a DICOM region that is handed to the model (the display window the user picks changes
 * only what is shown, never what is sampled).
 *
 * <p>The LIDC 128x128 crops ({@code ../shared/data/lidc-128}, the public PNG export) do not record
 * their windowing (their SOURCE.md is silent), so it was read off the data: over every 10th slice
 * of val.zip (234 slices, 3.8 M pixels) 1.27 % of the pixels are at grey level 0 (air at or below
 * the lower bound), the darker histogram peak (aerated lung) is at level 14 of 255 (0.055), the
 * brighter one (chest wall and mediastinum) at level 117 (0.46), and only 0.007 % of the pixels are
 * at 255. With the lower bound at air (-1000 HU) these peaks put the width between about 2000 HU
 * (if the bright peak is fat-rich tissue near -80 HU) and 2400 HU (if it is muscle near +40 HU); a
 * linear window from -1000 to +1000 HU (level 0, width 2000) places aerated lung at -890 HU and
 * clips only dense bone, matching all of it. The lung display window (-600 / 1500) would put
 * aerated lung near 0.3 and soft tissue above 0.9, which the data rule out. This is an estimate
 * from the histogram, not a documented fact: a model whose training data used another mapping
 * should be given its own window ({@link RoiSelector#modelWindowProperty()}).
 */
public final class ModelIntensity {

  /** The estimated window of the LIDC crops: -1000 to +1000 HU onto [0, 1]. */
  public static final DicomWindow LIDC_CROPS = new DicomWindow(0, 2000);

  private ModelIntensity() {}
}
