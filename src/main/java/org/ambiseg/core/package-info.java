/**
 * Plain value types shared by every layer: images, masks, cases and sample sets; no DJL, no JavaFX.
 */
package org.ambiseg.core;
