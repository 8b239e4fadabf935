package org.precisionaid.village;

import org.precisionaid.web.input.MultiLine;
import java.math.BigDecimal;

/**
 * What the village clerk or committee enters into the village file (PUT /api/villages/{code}/file). Every field of
 * the basic conditions and infrastructure is required; {@code version}, when given, must be the version read.
 */
public record VillageFileForm(Integer households, Integer population, Integer agriculturalPopulation,
                              BigDecimal areaKm2, BigDecimal cultivatedLandMu, Boolean roadHardened,
                              Boolean busService, Boolean safeDrinkingWater, Boolean electricity, Boolean broadband,
                              Boolean clinic, Boolean culturalRoom, @MultiLine String leadingIndustries,
                              Long collectiveIncomeYuan, Integer collectiveIncomeYear, Long perCapitaIncomeYuan,
                              @MultiLine String mainConstraints, @MultiLine String urgentNeeds, Integer plannedExitYear, Long version) {
}
