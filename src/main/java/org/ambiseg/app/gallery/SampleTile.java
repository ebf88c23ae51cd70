package org.ambiseg.app.gallery;

import javafx.scene.image.Image;

/**
 * One cell of the gallery: which sample it shows, its mode, and the rendered overlay.
 *
 * @param sample index of the sample in its set
 * @param mode index of the sample's mode (0 the heaviest)
 * @param modeName the mode's short name, e.g. "mode 1" or, for MoSE, "expert 3"; empty before the
 *     modes are known
 * @param picture the sample drawn over the image
 */
public record SampleTile(int sample, int mode, String modeName, Image picture) {}
