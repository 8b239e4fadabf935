package org.precisionaid.assessment;

import org.precisionaid.web.input.MultiLine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.precisionaid.project.Money;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The income and expenditure accounts (收支台账) of registered households. The year's per-capita net income is
 * computed from them by the identification rule (the four income items over the members), never typed; once the
 * village has confirmed a year's account for the assessment, that year takes no more entries.
 */
@Service
@Transactional
public class IncomeAccounts {

    /** No single line beyond one million yuan: a typo, not a household's income. */
    static final long MAX_FEN = 100_000_000L;
    static final int MAX_NOTE = 500;

    private final IncomeEntryRepository entries;
    private final HouseholdService households;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IncomeAccounts(IncomeEntryRepository entries, HouseholdService households, JdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
        this.households = households;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record NewEntry(LocalDate date, String item, Long amountFen, @MultiLine String note) {
    }

    public record EntryView(long id, LocalDate date, String kind, String item, String itemLabel, long amountFen,
                            String note, String recordedBy) {
        static EntryView of(IncomeEntry e) {
            return new EntryView(e.getId(), e.getEntryDate(), e.getKind().name(), e.getItem().name(),
                    e.getItem().label(), e.getAmountFen(), e.getNote(), e.getRecordedBy());
        }
    }

    /**
     * The year's account: entries, totals by line, and the per-capita net income computed from them.
     * {@code confirmed} once the village has confirmed it for the annual assessment.
     */
    public record Summary(String applicationNo, int year, int members, Map<AccountItem, Long> byItem, long incomeFen,
                          long expenditureFen, long perCapitaNetFen, boolean confirmed, List<EntryView> entries) {

        public BigDecimal perCapitaNet() {
            return Money.yuan(perCapitaNetFen);
        }
    }

    /** Records one line; checks the household can keep an account and the year is still open. */
    public IncomeEntry record(String applicationNo, NewEntry entry, String actor) {
        Household household = households.get(applicationNo);
        if (household.getStatus() != Status.REGISTERED && household.getStatus() != Status.EXITED
                && household.getStatus() != Status.MONITORED) {
            throw new ConflictException("application " + applicationNo + " is " + household.getStatus()
                    + "; only registered, exited and monitored households keep an income account");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (entry == null || entry.date() == null) {
            errors.put("date", "is required (yyyy-MM-dd)");
        } else if (entry.date().isAfter(today)) {
            errors.put("date", "must not be after today (" + today + ")");
        } else if (entry.date().getYear() < today.getYear() - 5) {
            errors.put("date", "must lie within the last five years");
        }
        AccountItem item = null;
        String rawItem = entry == null ? null : entry.item();
        try {
            item = rawItem == null ? null : AccountItem.valueOf(rawItem.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (item == null) {
            errors.put("item", (rawItem == null ? "is required: " : "'" + rawItem + "' is not ") + "one of "
                    + java.util.Arrays.toString(AccountItem.values()));
        }
        Long fen = entry == null ? null : entry.amountFen();
        if (fen == null) {
            errors.put("amountFen", "is required (whole fen: 1 yuan = 100)");
        } else if (Math.abs(fen) > MAX_FEN) {
            errors.put("amountFen", "at most " + MAX_FEN + " fen (one million yuan) in one line");
        } else if (fen == 0) {
            errors.put("amountFen", "must not be zero");
        } else if (fen < 0 && item != null && !item.mayBeNegative()) {
            errors.put("amountFen", "must be positive; only OPERATING income may be a loss");
        }
        String note = entry == null || entry.note() == null || entry.note().isBlank() ? null : entry.note().trim();
        if (note != null && note.length() > MAX_NOTE) {
            errors.put("note", "at most " + MAX_NOTE + " characters");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        int year = entry.date().getYear();
        if (confirmed(household.getId(), year)) {
            throw new ConflictException("the account of " + year + " for " + applicationNo
                    + " has been confirmed for the annual assessment; it takes no more entries");
        }
        return entries.save(new IncomeEntry(household.getId(), entry.date(), item, fen, note, actor, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Summary summary(String applicationNo, int year) {
        Household household = households.get(applicationNo);
        List<IncomeEntry> lines = entries.findByHouseholdIdAndYearOrderByEntryDateAscIdAsc(household.getId(), year);
        Map<AccountItem, Long> byItem = new EnumMap<>(AccountItem.class);
        long income = 0;
        long expenditure = 0;
        List<EntryView> views = new ArrayList<>();
        for (IncomeEntry line : lines) {
            byItem.merge(line.getItem(), line.getAmountFen(), Long::sum);
            if (line.getKind() == AccountItem.Kind.INCOME) {
                income += line.getAmountFen();
            } else {
                expenditure += line.getAmountFen();
            }
            views.add(EntryView.of(line));
        }
        int members = household.getMembers().size();
        return new Summary(applicationNo, year, members, byItem, income, expenditure,
                perCapitaFen(byItem, members), confirmed(household.getId(), year), views);
    }

    /** The year's per-capita net income in fen; zero for a year without entries. */
    @Transactional(readOnly = true)
    public long perCapitaNetFen(long householdId, int year) {
        return perCapitaNetFenIfAny(householdId, year).orElse(0);
    }

    /** The year's per-capita net income in fen, or empty when nothing was recorded that year. */
    @Transactional(readOnly = true)
    public OptionalLong perCapitaNetFenIfAny(long householdId, int year) {
        Map<Long, Long> result = perCapitaNetFen(List.of(householdId), year);
        Long fen = result.get(householdId);
        return fen == null ? OptionalLong.empty() : OptionalLong.of(fen);
    }

    /** Per-capita net income of many households at once (reports, scoring); households without entries are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> perCapitaNetFen(Collection<Long> householdIds, int year) {
        Map<Long, Long> result = new HashMap<>();
        List<Long> ids = new ArrayList<>(householdIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", chunk.stream().map(id -> "?").toList());
            List<Object> args = new ArrayList<>(chunk);
            args.add(year);
            jdbc.query("select e.household_id, sum(case when e.kind = 'INCOME' then e.amount_fen else 0 end),"
                    + " (select count(*) from household_member m where m.household_id = e.household_id)"
                    + " from income_entry e where e.household_id in (" + marks + ") and e.account_year = ?"
                    + " group by e.household_id", row -> {
                        long income = row.getLong(2);
                        int members = row.getInt(3);
                        result.put(row.getLong(1), perCapitaFen(income, members));
                    }, args.toArray());
        }
        return result;
    }

    /** The identification rule, on fen: the income items over the members, rounded half up to the fen. */
    static long perCapitaFen(Map<AccountItem, Long> byItem, int members) {
        return perCapitaFen(byItem.entrySet().stream().filter(e -> e.getKey().kind() == AccountItem.Kind.INCOME)
                .mapToLong(Map.Entry::getValue).sum(), members);
    }

    static long perCapitaFen(long incomeFen, int members) {
        if (members < 1) {
            return 0;
        }
        BigDecimal perCapita = HouseholdService.perCapita(Money.yuan(incomeFen), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, members);
        return Money.fen(perCapita);
    }

    /** Whether the village has confirmed this year's account for the annual assessment. */
    @Transactional(readOnly = true)
    public boolean confirmed(long householdId, int year) {
        Integer n = jdbc.queryForObject("select count(*) from household_assessment where household_id = ? and assessment_year = ?"
                + " and per_capita_net_fen is not null", Integer.class, householdId, year);
        return n != null && n > 0;
    }

    /**
     * The year's account in a few Markdown lines for a form, read with two small queries (no entities): the bulk start
     * writes one for every household of a county.
     */
    @Transactional(readOnly = true)
    public String summaryText(long householdId, int year) {
        Map<AccountItem, Long> byItem = new EnumMap<>(AccountItem.class);
        jdbc.query("select item, sum(amount_fen) from income_entry where household_id = ? and account_year = ?"
                + " group by item", row -> {
                    byItem.put(AccountItem.valueOf(row.getString(1)), row.getLong(2));
                }, householdId, year);
        Map<String, Object> head = jdbc.queryForMap("select (select count(*) from household_member m"
                + " where m.household_id = h.id) as members, (select min(m.name) from household_member m"
                + " where m.household_id = h.id and m.relation = 'HEAD') as head from household h where h.id = ?",
                householdId);
        int members = ((Number) head.get("members")).intValue();
        long income = byItem.entrySet().stream().filter(e -> e.getKey().kind() == AccountItem.Kind.INCOME)
                .mapToLong(Map.Entry::getValue).sum();
        long expenditure = byItem.entrySet().stream().filter(e -> e.getKey().kind() == AccountItem.Kind.EXPENDITURE)
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder lines = new StringBuilder();
        byItem.forEach((item, fen) -> lines.append("- ").append(item.label()).append("：").append(Money.format(fen))
                .append(" 元\n"));
        return """
                **户主 / Head:** %s · **人口 / Members:** %d · **年度 / Year:** %d
                **收入合计 / Income:** %s 元 · **支出合计 / Expenditure:** %s 元 · **人均纯收入 / Per-capita net income:** %s 元（由台账计算 / computed from the account）
                %s""".formatted(head.get("head") == null ? "?" : head.get("head"), members, year, Money.format(income),
                Money.format(expenditure), Money.format(perCapitaFen(income, members)),
                byItem.isEmpty() ? "**台账尚无记录 / The account has no entries yet**" : lines.toString());
    }
}
