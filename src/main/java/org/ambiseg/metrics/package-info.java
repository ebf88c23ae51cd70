/** Ambiguity metrics on plain arrays (IoU, Dice, GED, HM-IoU, S-NCC, ECE); no DJL. */
package org.ambiseg.metrics;
