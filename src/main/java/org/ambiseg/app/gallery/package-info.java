/** The sample gallery: the N samples and the case's rater masks drawn as overlays on the image. */
package org.ambiseg.app.gallery;
