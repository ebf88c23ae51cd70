package org.ambiseg.app.cases;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.DicomImage;
import org.ambiseg.io.DicomWindow;

/**
 * Picks the part of a large image that gets sampled: the whole image is shown, a region of the
 * model's input size ({@link Roi}) follows the user's clicks and drags ({@link #centreAt}) and
 * stays inside the image, and {@link #croppedProperty()} is that region, ready for the model.
 *
 * <p>A DICOM image is shown through the {@link #windowLevel() display window} (presets and free
 * level/width), while the crop handed on goes through the {@link #modelWindowProperty() model
 * window} — the intensity mapping the model was trained with ({@link ModelIntensity#LIDC_CROPS} by
 * default) — so re-windowing the display never changes what is sampled. Other images are shown and
 * cropped as they are. An image no larger than the model input is handed on whole. Crops are cut on
 * the calling thread (a 128x128 crop is a few microseconds); call from the FX thread.
 */
public final class RoiSelector {

  private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
  private final WindowLevel windowLevel = new WindowLevel();
  private final ObjectProperty<DicomWindow> modelWindow =
      new SimpleObjectProperty<>(this, "modelWindow", ModelIntensity.LIDC_CROPS);
  private final ReadOnlyObjectWrapper<Image2D> displayImage = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Roi> roi = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Image2D> cropped = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dicom = new ReadOnlyBooleanWrapper();

  private Image2D plain;
  private DicomImage hu;
  private Image2D modelImage;

  /** A selector for a model with {@code size} x {@code size} input (e.g. 128). */
  public RoiSelector(int size) {
    setSize(size);
    windowLevel.windowProperty().addListener((obs, old, now) -> refreshDisplay());
    modelWindow.addListener((obs, old, now) -> refreshModelImage());
    roi.addListener((obs, old, now) -> refreshCrop());
  }

  /** The side of the region in pixels: the model's input size. */
  public ReadOnlyIntegerProperty sizeProperty() {
    return size.getReadOnlyProperty();
  }

  /** Changes the region's side (another model) and re-centres it on the current region. */
  public void setSize(int newSize) {
    if (newSize <= 0) {
      throw new IllegalArgumentException("region size must be positive, got " + newSize);
    }
    size.set(newSize);
    Image2D shown = displayImage.get();
    if (shown != null) {
      Roi r = roi.get();
      centreAt(r.x() + r.width() / 2.0, r.y() + r.height() / 2.0);
    }
  }

  /** The display window of DICOM images (ignored for other images). */
  public WindowLevel windowLevel() {
    return windowLevel;
  }

  /** How HU become the crop's [0, 1] values for the model (DICOM only). */
  public ObjectProperty<DicomWindow> modelWindowProperty() {
    return modelWindow;
  }

  /** The whole image as shown (DICOM through the display window); null when none. */
  public ReadOnlyObjectProperty<Image2D> displayImageProperty() {
    return displayImage.getReadOnlyProperty();
  }

  /** The region in image pixels; null when no image is set. */
  public ReadOnlyObjectProperty<Roi> roiProperty() {
    return roi.getReadOnlyProperty();
  }

  /** The region's pixels as the model expects them; null when no image is set. */
  public ReadOnlyObjectProperty<Image2D> croppedProperty() {
    return cropped.getReadOnlyProperty();
  }

  /** True when the image is a DICOM, so the window/level control applies. */
  public ReadOnlyBooleanProperty dicomProperty() {
    return dicom.getReadOnlyProperty();
  }

  /** Shows {@code image} with the region centred on it. */
  public void setImage(Image2D image) {
    Objects.requireNonNull(image, "image");
    hu = null;
    plain = image;
    dicom.set(false);
    modelImage = image;
    displayImage.set(image);
    recentre(image);
  }

  /** Shows a DICOM image through the display window, with the region centred on it. */
  public void setDicom(DicomImage image) {
    Objects.requireNonNull(image, "image");
    hu = image;
    plain = null;
    dicom.set(true);
    modelImage = image.withWindow(modelWindow.get()).toImage();
    displayImage.set(image.withWindow(windowLevel.windowProperty().get()).toImage());
    recentre(modelImage);
  }

  /** Removes the image. */
  public void clear() {
    hu = null;
    plain = null;
    modelImage = null;
    dicom.set(false);
    displayImage.set(null);
    roi.set(null);
    cropped.set(null);
  }

  /** Moves the region so its centre pixel is under image coordinates (x, y), kept inside. */
  public void centreAt(double x, double y) {
    Image2D image = modelImage;
    if (image == null) {
      return;
    }
    roi.set(Roi.centredAt(x, y, size.get(), image.width(), image.height()));
  }

  private void recentre(Image2D image) {
    Roi r = Roi.centred(size.get(), image.width(), image.height());
    if (r.equals(roi.get())) {
      refreshCrop();
    } else {
      roi.set(r);
    }
  }

  private void refreshDisplay() {
    if (hu != null) {
      displayImage.set(hu.withWindow(windowLevel.windowProperty().get()).toImage());
    }
  }

  private void refreshModelImage() {
    if (hu != null) {
      modelImage = hu.withWindow(modelWindow.get()).toImage();
      refreshCrop();
    }
  }

  private void refreshCrop() {
    Roi r = roi.get();
    Image2D image = modelImage;
    if (r == null || image == null) {
      cropped.set(null);
      return;
    }
    boolean whole = r.width() == image.width() && r.height() == image.height();
    cropped.set(whole ? image : r.crop(image));
  }

  @Override
  public String toString() {
    return "RoiSelector["
        + size.get()
        + ", "
        + (plain != null ? "image" : hu != null ? "dicom" : "empty")
        + "]";
  }
}
