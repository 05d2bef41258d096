package se.coop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final LocalDate JUNE = LocalDate.of(2027, 6, 7);

    @Test
    void oneOfTwoGivingNoticeEndsTheAgreementTheDayItLeaves() {
        // Køge–Kristianstad: Køge gave notice, Kristianstad (the lead) cannot stay alone
        assertThat(Membership.endedByNotices(2, List.of(JUNE))).contains(JUNE);
    }

    @Test
    void oneOfThreeGivingNoticeLeavesTheOthersInIt() {
        assertThat(Membership.endedByNotices(3, List.of(JUNE))).isEmpty();
    }

    @Test
    void twoOfThreeGivingNoticeEndItWhenTheSecondLeaves() {
        LocalDate later = JUNE.plusMonths(3);
        assertThat(Membership.endedByNotices(3, List.of(later, JUNE))).contains(later);
    }

    @Test
    void twoPartiesAreEnoughAndOneIsTooFew() {
        assertThat(Membership.tooFew(2)).isFalse();
        assertThat(Membership.tooFew(1)).isTrue();
    }
}
