package org.ambiseg.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.ambiseg.metrics.CaseScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseScoresCsvTest {

  @TempDir Path tmp;

  @Test
  void writesOneRowPerCaseWithTheStampColumns() throws Exception {
    Path csv = tmp.resolve("scores.csv");
    List<ScoredCase> cases =
        List.of(
            new ScoredCase(
                "case-1", new CaseScores(0.25, 0.5, 0.125, OptionalDouble.of(0.75), 0.875, 16, 4)),
            new ScoredCase(
                "case, 2", new CaseScores(1.0, 0.0, 0.0, OptionalDouble.empty(), 0.0, 16, 4)));
    CaseScoresCsv.write(csv, cases, ExportFixtures.stamp(16));
    assertEquals(
        "id,samples,raters,ged,hm_iou,diversity,dice_mean,sncc,model,estimator,seed,"
            + "ambiseg_version,created\n"
            + "case-1,16,4,0.25,0.5,0.125,0.875,0.75,probunet-shapes,Prob U-Net,11,0.1.0,"
            + "2026-11-23T10:00:00Z\n"
            + "\"case, 2\",16,4,1.0,0.0,0.0,0.0,,probunet-shapes,Prob U-Net,11,0.1.0,"
            + "2026-11-23T10:00:00Z\n",
        Files.readString(csv));
  }
}
