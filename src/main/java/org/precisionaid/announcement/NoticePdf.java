package org.precisionaid.announcement;

import java.util.List;
import org.precisionaid.announcement.PublicNoticeController.Notice;
import org.precisionaid.announcement.PublicNoticeController.VillageNotices;
import org.precisionaid.print.PdfSheet;
import org.precisionaid.print.PrintClock;
import org.precisionaid.print.PrintFont;
import org.precisionaid.region.Region;
import org.springframework.stereotype.Component;

/**
 * The public notice of a village as an A4 sheet for the village board: the same households and the same columns as
 * the public page (masked ID numbers, never a phone) — identification and proposed exits, each with its notice period,
 * and the households that left poverty this year — then where and how to object and who issued it.
 */
@Component
public class NoticePdf {

    static final String TITLE = "贫困户识别公示 / Public notice of poor households";

    private final PrintFont font;
    private final PrintClock clock;

    public NoticePdf(PrintFont font, PrintClock clock) {
        this.font = font;
        this.clock = clock;
    }

    private static String kind(String kind) {
        return "EXIT".equals(kind) ? "拟脱贫退出 / Proposed exit" : "贫困户识别 / Identification";
    }

    /** Where the village is: township and county of the village. */
    public record Place(Region village, Region township, Region county) {
    }

    public byte[] render(VillageNotices notices, Place place, String publicPage) {
        String asOf = clock.minute(clock.now());
        try (PdfSheet sheet = new PdfSheet(font, TITLE + " · " + place.village().getNameZh(),
                place.village().label() + " · " + TITLE, PrintFont.Lane.PUBLIC)) {
            sheet.title("贫困户识别公示").centred("Public notice of poor households", 12f).space(6f)
                    .centred(place.county().getNameZh() + " " + place.township().getNameZh() + " "
                            + place.village().getNameZh() + "（村代码 " + place.village().getCode() + "）", 13f)
                    .centred(place.village().getNameEn() + ", " + place.township().getNameEn() + ", "
                            + place.county().getNameEn() + " (village code " + place.village().getCode() + ")", 10f)
                    .space(8f)
                    .paragraph("下列农户经村民评议和村、乡镇、县各级审核，拟识别为建档立卡贫困户或拟脱贫退出，现予公示，"
                            + "接受群众监督。身份证号已部分遮蔽。")
                    .paragraph("After the village's evaluation and the village, township and county reviews, the households "
                            + "below are proposed for the register of poor households or to leave poverty; they are "
                            + "hereby announced for public supervision. ID numbers are partly masked.", 9.5f);
            List<Notice> households = notices.households();
            if (households.isEmpty()) {
                sheet.space(6f).paragraph("目前没有公示中的农户 / No household is under announcement now.");
            } else {
                sheet.table(new float[] {63, 132, 55, 93, 45, 52, 75},
                        List.of("公示事项 / Notice of", "申请号 / Application", "户主 / Head", "身份证号 / ID number",
                                "人口 / Members", "村民小组 / Group", "公示期 / Notice period"),
                        households.stream().map(n -> List.of(kind(n.kind()), n.applicationNo(), n.headName(),
                                n.headIdNumber(), String.valueOf(n.members()), n.villageGroup(),
                                clock.date(n.noticeStarts()) + " 至\n" + clock.minute(n.noticeEnds()))).toList(),
                        false);
                sheet.paragraph("共 " + households.size() + " 户 / " + households.size() + " household"
                        + (households.size() == 1 ? "" : "s") + "。", 9.5f);
            }
            if (!notices.exited().isEmpty()) {
                sheet.heading("脱贫户公告 / Households that left poverty this year")
                        .table(new float[] {131, 70, 100, 50, 70},
                                List.of("申请号 / Application", "户主 / Head", "身份证号 / ID number", "人口 / Members",
                                        "村民小组 / Group"),
                                notices.exited().stream().map(n -> List.of(n.applicationNo(), n.headName(),
                                        n.headIdNumber(), String.valueOf(n.members()), n.villageGroup())).toList(),
                                false);
            }
            String township = place.township().getNameZh();
            sheet.heading("异议 / Objections")
                    .paragraph("公示期内，任何单位和个人均可对上列农户提出异议，请写明对哪一户、理由是什么（联系方式自愿填写，不公开）。")
                    .paragraph("1. 网上提交 / Online: " + publicPage)
                    .paragraph("2. 书面或当面向" + township + "人民政府提出 / In writing or in person at the "
                            + place.township().getNameEn() + " government")
                    .paragraph(township + "将调查核实并答复；异议调查清楚之前，该户不予登记或退出。")
                    .paragraph("During the notice period anyone may object to a listed household, saying which one "
                            + "and why (a contact is optional and never published). The township investigates and "
                            + "answers; the household is neither registered nor taken off the register before the "
                            + "objection is settled.", 9.5f)
                    .space(10f)
                    .fields(List.of(
                            List.of("发布单位 / Issued by", place.county().getNameZh() + "扶贫办 / Poverty-alleviation office of "
                                    + place.county().getNameEn()),
                            List.of("名单截至 / List as of", asOf + "（" + clock.zoneLabel() + "）")));
            return sheet.toBytes();
        }
    }
}
