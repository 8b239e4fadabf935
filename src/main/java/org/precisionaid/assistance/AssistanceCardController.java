package org.precisionaid.assistance;

import java.util.List;
import org.precisionaid.print.PdfSheet;
import org.precisionaid.print.PrintClock;
import org.precisionaid.print.PrintFont;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdNotFoundException;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.Member;
import org.precisionaid.registry.VillageTeams;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.ConflictException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The household's assistance card (帮扶明白卡) as an A4 PDF, printed by the village or township and left with the
 * household: who is in it (names only, no ID numbers), who helps it and how to reach him, what is planned and until
 * when. For officials of the household's region and its own cadre, as {@code GET .../pairing}; anyone else is told the
 * application does not exist, so its existence does not leak.
 */
@RestController
public class AssistanceCardController {

    static final String TITLE = "扶贫帮扶明白卡 / Household assistance card";

    private final HouseholdService households;
    private final AssistanceService assistance;
    private final AssistingUnitRepository units;
    private final RegionService regions;
    private final PrintFont font;
    private final PrintClock clock;
    private final VillageTeams villageTeams;

    AssistanceCardController(HouseholdService households, AssistanceService assistance, AssistingUnitRepository units,
            RegionService regions, PrintFont font, PrintClock clock, VillageTeams villageTeams) {
        this.villageTeams = villageTeams;
        this.households = households;
        this.assistance = assistance;
        this.units = units;
        this.regions = regions;
        this.font = font;
        this.clock = clock;
    }

    @GetMapping("/api/households/{applicationNo}/card.pdf")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> card(@PathVariable String applicationNo, Authentication user) {
        Household household = households.get(applicationNo);
        FileCard card = households.fileCard(household.getId()).orElse(null);
        Cadre cadre = card == null || card.getCadreId() == null ? null : assistance.cadre(card.getCadreId());
        boolean himself = cadre != null && cadre.getUserId() != null && cadre.getUserId().equals(user.getName());
        if (!himself && !RegionScope.of(user).covers(household.getVillageCode())) {
            throw new HouseholdNotFoundException(applicationNo);
        }
        if (card == null) {
            throw new ConflictException("application " + applicationNo + " is " + household.getStatus().label()
                    + "; a household gets its assistance card when it is registered (建档立卡)");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline().filename("card-" + card.getCardNo() + ".pdf").build());
        headers.setCacheControl(CacheControl.noStore());
        return ResponseEntity.ok().headers(headers).body(render(household, card, cadre));
    }

    private byte[] render(Household household, FileCard card, Cadre cadre) {
        Region village = regions.get(household.getVillageCode());
        Region township = regions.get(village.code().ancestor(RegionLevel.TOWNSHIP).value());
        Region county = regions.get(village.code().ancestor(RegionLevel.COUNTY).value());
        Member head = household.head();
        String unit;
        String cadreName;
        String phone;
        if (cadre != null) {
            AssistingUnit assisting = card.getAssistingUnitId() == null ? cadre.getUnit()
                    : units.findById(card.getAssistingUnitId()).orElse(cadre.getUnit());
            unit = assisting.getName();
            cadreName = cadre.getName() + (cadre.getNameLatin() == null ? "" : " " + cadre.getNameLatin())
                    + "（" + cadre.getRank().label() + "）";
            phone = cadre.getPhone() == null ? "—" : cadre.getPhone();
        } else {
            unit = orDash(card.getAssistingUnit());
            cadreName = orDash(card.getResponsibleCadre());
            phone = "—";
        }
        VillageTeams.Names stationed = villageTeams.namesFor(household.getVillageCode());
        try (PdfSheet sheet = new PdfSheet(font, TITLE + " · " + card.getCardNo(),
                card.getCardNo() + " · " + village.getNameZh() + " / " + village.getNameEn())) {
            sheet.title("扶贫帮扶明白卡").centred("Household assistance card", 12f).space(4f)
                    .centred(county.getNameZh() + " " + township.getNameZh() + " " + village.getNameZh() + " · "
                            + village.getNameEn() + ", " + township.getNameEn() + ", " + county.getNameEn(), 10.5f)
                    .space(6f)
                    .heading("家庭 / Household")
                    .fields(List.of(
                            List.of("卡号 / Card no.", card.getCardNo()),
                            List.of("户主 / Head of household", head == null ? "—" : head.getName()),
                            List.of("村民小组 / Village group", orDash(household.getVillageGroup())),
                            List.of("家庭人口 / Members", household.getMembers().size() + " 人 / persons"),
                            List.of("申请号 / Application", household.getApplicationNo()),
                            List.of("建档立卡日期 / Registered", clock.date(card.getRegisteredAt()))))
                    .table(new float[] {0.4f, 2f, 2f}, List.of("#", "姓名 / Name", "与户主关系 / Relation"),
                            household.getMembers().stream().map(member -> List.of(
                                    String.valueOf(household.getMembers().indexOf(member) + 1), member.getName(),
                                    member.getRelation().label())).toList(), false)
                    .heading("帮扶责任 / Who helps")
                    .fields(List.of(
                            List.of("帮扶单位 / Assisting unit", unit),
                            List.of("帮扶责任人 / Responsible cadre", cadreName),
                            List.of("联系电话 / Phone", phone),
                            List.of("驻村工作队 / Village work team", orDash(stationed.workTeam())
                                    + (stationed.teamLeader() == null ? "" : "，队长 / leader " + stationed.teamLeader())),
                            List.of("第一书记 / First secretary", orDash(stationed.firstSecretary())),
                            List.of("结对帮扶单位 / Units paired with the village",
                                    stationed.assistingUnits().isEmpty() ? "—"
                                            : String.join("、", stationed.assistingUnits()))))
                    .heading("帮扶计划 / Plan")
                    .fields(List.of(
                            List.of("帮扶措施 / Support measures", orDash(card.getSupportMeasures())),
                            List.of("计划脱贫年度 / Planned exit year", card.getPlannedExitYear() + " 年")))
                    .space(8f)
                    .paragraph("有困难或意见，请先联系帮扶责任人；也可向" + village.getNameZh() + "村民委员会或"
                            + township.getNameZh() + "人民政府反映。")
                    .paragraph("For help or a complaint, call your responsible cadre first; you may also go to the "
                            + village.getNameEn() + " committee or the " + township.getNameEn() + " government.", 9.5f)
                    .space(6f)
                    .paragraph("打印日期 / Printed: " + clock.minute(clock.now()) + "（" + clock.zoneLabel() + "）",
                            PdfSheet.SMALL_TEXT);
            return sheet.toBytes();
        }
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
