package org.ambiseg.io;

/** How {@link ImageReader} treats colour images: convert them to grey, or keep their channels. */
public enum ColorMode {
  /** Every image becomes one channel; RGB is converted by Rec. 709 luminance. */
  GREY,
  /** RGB images stay three-channel; grey images stay one-channel. */
  KEEP_RGB
}
