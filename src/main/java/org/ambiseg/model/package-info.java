/** DJL blocks of the segmentation models and their storage (model.json plus parameters). */
package org.ambiseg.model;
