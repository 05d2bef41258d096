package se.coop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppealWindowTest {

    @ParameterizedTest(name = "posted {0} → last day {1} ({2})")
    @CsvSource({
        "2020-01-13, 2020-02-03, a Monday three weeks later",
        "2026-02-13, 2026-03-06, a Friday three weeks later",
        "2026-02-14, 2026-03-09, a Saturday moves to Monday",
        "2019-12-03, 2019-12-27, Christmas eve moves past Christmas and Boxing day",
        "2026-03-13, 2026-04-07, Good Friday moves past Easter to Tuesday",
        "2026-05-29, 2026-06-22, midsummer eve moves to Monday",
        "2025-05-16, 2025-06-09, National day on a Friday moves to Monday",
        "2025-12-10, 2026-01-02, New Year's eve moves past New Year's day",
        "2026-04-23, 2026-05-15, Ascension day moves to Friday",
        "2026-04-22, 2026-05-13, the day before Ascension day stays"
    })
    void lastDayToAppeal(LocalDate postedOn, LocalDate lastDay, String why) {
        assertThat(AppealWindow.lastDay(postedOn)).as(why).isEqualTo(lastDay);
    }

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28"})
    void easterSunday(int year, LocalDate easter) {
        assertThat(AppealWindow.easterSunday(year)).isEqualTo(easter);
    }
}
