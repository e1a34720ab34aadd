package io.ticklake.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KpiWindowTest {

    @Test
    void parsesAndNormalisesLabels() {
        assertThat(KpiWindow.parse("5m").sizeMs()).isEqualTo(300_000L);
        assertThat(KpiWindow.parse("60m").label()).isEqualTo("1h");
        assertThat(KpiWindow.parse("2H").label()).isEqualTo("2h");
        assertThat(KpiWindow.parse("90m").label()).isEqualTo("90m");
    }

    @Test
    void rejectsWhatIsNoWindowSize() {
        assertThatThrownBy(() -> KpiWindow.parse("7x")).hasMessageContaining("'7x' is not a window size");
        assertThatThrownBy(() -> KpiWindow.parse("0m")).hasMessageContaining("not a window size");
    }

    @Test
    void windowsAreAlignedToTheEpoch() {
        KpiWindow fifteen = KpiWindow.parse("15m");
        assertThat(fifteen.startOf(1_800_000L + 899_999L)).isEqualTo(1_800_000L);
        assertThat(fifteen.startOf(1_800_000L + 900_000L)).isEqualTo(2_700_000L);
    }
}
