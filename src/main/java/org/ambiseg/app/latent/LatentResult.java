package org.ambiseg.app.latent;

import javafx.scene.image.Image;

/**
 * What the model thread hands back for one request: the decoded z (null for an HPU-Net), the
 * foreground probability map and its overlay on the image.
 */
record LatentResult(LatentRequest request, float[] z, float[] probability, Image overlay) {}
