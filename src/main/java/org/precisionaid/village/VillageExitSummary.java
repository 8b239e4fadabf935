package org.precisionaid.village;

import java.text.DecimalFormat;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.region.RegionService;
import org.springframework.stereotype.Component;

/** The few lines every reviewer reads at the top of his form (Markdown, one small variable), refreshed at each step. */
@Component
public class VillageExitSummary {

    private final RegionService regions;
    private final VillageFileService files;
    private final VillageExitService exits;

    public VillageExitSummary(RegionService regions, VillageFileService files, VillageExitService exits) {
        this.regions = regions;
        this.files = files;
        this.exits = exits;
    }

    /** Re-reads the file and the registry, records the figures on the application and puts the summary on the case. */
    public void refresh(VariableScope scope) {
        long exitId = VillageExitVariables.exitId(scope);
        VillageExitRules.Check check = exits.refresh(exitId);
        scope.setVariable(VillageExitVariables.SUMMARY, of(exits.get(exitId), files.get(exits.get(exitId)
                .getVillageCode()), check));
    }

    String of(VillageExit exit, VillageFile file, VillageExitRules.Check check) {
        DecimalFormat yuan = new DecimalFormat("#,##0");
        return """
                **村 / Village:** %s（%s） · **出列年度 / Exit year:** %d · **申请号 / Application:** %s
                **贫困人口（建档立卡未脱贫） / Poor population (registered, not exited):** %d · **农业人口 / Agricultural population:** %d · **贫困发生率 / Poverty incidence:** %s（须低于 / must be below %s）
                **村集体经济收入 / Collective income (%d):** %s 元 / yuan（须达到 / at least %s）
                **基础设施 / Infrastructure:** 通硬化路 / road %s · 饮水安全 / safe water %s · 通电 / electricity %s · 宽带 / broadband %s · 村卫生室 / clinic %s
                **主导产业 / Leading industries:** %s
                **规则结论 / Rules (DMN):** %s
                **村委会申请 / Village committee's statement:** %s""".formatted(
                regions.get(exit.getVillageCode()).label(), exit.getVillageCode(), exit.getExitYear(),
                exit.getExitNo(), check.figures().poorPopulation(), check.figures().agriculturalPopulation(),
                VillageExitService.percent(check.incidence()), VillageExitService.percent(check.maxIncidence()),
                file.getCollectiveIncomeYear(), yuan.format(file.getCollectiveIncomeYuan()),
                yuan.format(check.minCollectiveIncomeYuan()), mark(file.isRoadHardened()),
                mark(file.isSafeDrinkingWater()), mark(file.isElectricity()), mark(file.isBroadband()),
                mark(file.isClinic()), escape(file.getLeadingIndustries()),
                check.eligible() ? "符合退出条件 / All exit conditions met" : "不符合 / Not met — " + check.shortfallText(),
                escape(exit.getStatement()));
    }

    private static String mark(boolean met) {
        return met ? "✓" : "✗";
    }

    /** Text typed by officials is shown, never interpreted as Markdown. */
    static String escape(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1").replace("\n", " ");
    }
}
