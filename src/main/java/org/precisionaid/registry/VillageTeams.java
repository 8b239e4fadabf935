package org.precisionaid.registry;

import java.util.List;

/**
 * Who is stationed in and paired with a household's village: its work team, the team's leader and first secretary, and
 * the assisting units paired with the village. Implemented by the village assistance structure, so that the household
 * registry (its card and its JSON) names them without depending on it.
 */
public interface VillageTeams {

    /** Names as the household's card shows them; every part null (or empty) when the village has none. */
    record Names(String workTeam, String teamLeader, String firstSecretary, List<String> assistingUnits) {
        public static final Names NONE = new Names(null, null, null, List.of());
    }

    Names namesFor(String villageCode);
}
