/** Test-time augmentation transforms: exactly invertible geometry and intensity jitter. */
package org.ambiseg.estimate.tta;
