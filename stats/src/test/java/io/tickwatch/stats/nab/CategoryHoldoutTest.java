package io.tickwatch.stats.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryHoldoutTest {

  /** Three rows: a window's only row (reward 1), then two rows outside (cost 2 each). */
  private static SweptSeries series(String category, boolean detected) {
    return new SweptSeries(
        category + "/s.csv",
        category,
        new double[] {detected ? 1.0 : 0.0, 0.0, 0.0},
        new double[] {1.0, -2.0, -2.0},
        new int[] {0, SweptSeries.OUTSIDE, SweptSeries.OUTSIDE},
        1);
  }

  @Test
  void shouldChooseParametersWithoutTheHeldOutCategory() {
    // grid point 0 catches the windows of a and b, grid point 1 only the window of c
    List<List<SweptSeries>> grid =
        List.of(
            List.of(series("a", true), series("b", true), series("c", false)),
            List.of(series("a", false), series("b", false), series("c", true)));

    CategoryHoldout.Result result = CategoryHoldout.evaluate(grid, NabProfile.STANDARD);

    assertThat(result.folds())
        .extracting(CategoryHoldout.Fold::heldOut)
        .containsExactly("a", "b", "c");
    CategoryHoldout.Fold c = result.folds().get(2);
    assertThat(c.config()).as("a and b prefer grid point 0, although 1 is perfect on c").isZero();
    assertThat(c.heldOutScore()).isEqualTo(0.0);
    assertThat(result.folds().get(0).heldOutScore()).isEqualTo(100.0);
    // pooled raw 1 + 1 - 1 over 3 windows: 100 * (1 + 3) / (3 + 3)
    assertThat(result.pooledScore()).isCloseTo(200.0 / 3, within(1e-9));
  }

  @Test
  void shouldRefuseAGridWithoutWindows() {
    SweptSeries quiet =
        new SweptSeries("q/s.csv", "q", new double[1], new double[] {-0.11}, new int[] {-1}, 0);
    assertThatThrownBy(() -> CategoryHoldout.evaluate(List.of(List.of(quiet)), NabProfile.STANDARD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no series has anomaly windows");
    assertThatThrownBy(() -> CategoryHoldout.evaluate(List.of(), NabProfile.STANDARD))
        .hasMessageContaining("no configuration");
  }
}
