package org.ambiseg.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.image.Image;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.DicomImage;

/**
 * An image file after reading: its path, its pixel values and the rendered picture shown on screen.
 *
 * @param file the file it was read from
 * @param image the pixel values in [0, 1]
 * @param picture the displayed image, same width and height as {@code image}
 * @param opened the case the file is (with its raters when it belongs to a dataset folder)
 * @param dicom the modality values (HU for CT) when the file is a DICOM, for re-windowing
 */
public record LoadedImage(
    Path file, Image2D image, Image picture, Case opened, Optional<DicomImage> dicom) {}
