package org.ambiseg.app.gallery;

import javafx.scene.image.Image;

/**
 * One cell of the gallery: which sample it shows, its mode, and the rendered overlay.
 *
 * @param sample index of the sample in its set
 * @param mode index of the sample's mode (0 the heaviest)
 * @param picture the sample drawn over the image
 */
public record SampleTile(int sample, int mode, Image picture) {}
