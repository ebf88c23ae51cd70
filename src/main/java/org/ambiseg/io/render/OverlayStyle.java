package org.ambiseg.io.render;

/** How {@link OverlayRenderer} draws a mask over an image. */
public enum OverlayStyle {
  /** Only the mask's boundary pixels, in the full overlay colour. */
  OUTLINE,
  /** The whole mask, blended half-and-half with the image, plus the outline. */
  FILL
}
