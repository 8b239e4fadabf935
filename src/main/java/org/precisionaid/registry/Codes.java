package org.precisionaid.registry;

/** The closed vocabularies of the file card (建档立卡), each value with its bilingual label. */
public final class Codes {

    private Codes() {
    }

    public interface Labelled {
        String label();
    }

    public enum Relation implements Labelled {
        HEAD("户主 / Head"), SPOUSE("配偶 / Spouse"), CHILD("子女 / Child"), PARENT("父母 / Parent"),
        GRANDCHILD("孙子女 / Grandchild"), GRANDPARENT("祖父母 / Grandparent"), SIBLING("兄弟姐妹 / Sibling"),
        CHILD_IN_LAW("儿媳女婿 / Child-in-law"), OTHER("其他 / Other");
        private final String label;
        Relation(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Sex implements Labelled {
        MALE("男 / Male"), FEMALE("女 / Female");
        private final String label;
        Sex(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Health implements Labelled {
        HEALTHY("健康 / Healthy"), CHRONIC_ILLNESS("长期慢性病 / Chronic illness"),
        SERIOUS_ILLNESS("大病 / Serious illness"), DISABLED("残疾 / Disabled");
        private final String label;
        Health(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Education implements Labelled {
        NONE("文盲或半文盲 / Illiterate"), PRIMARY("小学 / Primary"), JUNIOR("初中 / Junior secondary"),
        SENIOR("高中 / Senior secondary"), VOCATIONAL("中专或职高 / Vocational"), TERTIARY("大专及以上 / Tertiary"),
        PRESCHOOL("学龄前 / Pre-school"), IN_SCHOOL("在校生 / In school");
        private final String label;
        Education(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum LabourCapacity implements Labelled {
        FULL("普通劳动力 / Full"), PARTIAL("弱劳动力或半劳动力 / Partial"), NONE("无劳动力 / None");
        private final String label;
        LabourCapacity(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum HousingSafety implements Labelled {
        SAFE("安全 / Safe"), UNSAFE_C("C级危房 / Dilapidated, grade C"), UNSAFE_D("D级危房 / Dilapidated, grade D"),
        NONE("无住房 / No housing");
        private final String label;
        HousingSafety(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum DrinkingWater implements Labelled {
        SAFE("安全 / Safe"), UNSAFE("不安全 / Unsafe"), DIFFICULT("取水困难 / Hard to reach");
        private final String label;
        DrinkingWater(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Cause implements Labelled {
        ILLNESS("因病 / Illness"), DISABILITY("因残 / Disability"), EDUCATION("因学 / Cost of schooling"),
        DISASTER("因灾 / Disaster"), LACK_OF_LAND("缺土地 / Lack of land"), LACK_OF_WATER("缺水 / Lack of water"),
        LACK_OF_TECHNOLOGY("缺技术 / Lack of technology"), LACK_OF_LABOUR("缺劳力 / Lack of labour"),
        LACK_OF_FUNDS("缺资金 / Lack of funds"), POOR_TRANSPORT("交通条件落后 / Poor transport"),
        LACK_OF_DRIVE("自身发展动力不足 / Lack of own drive"), OTHER("其他 / Other");
        private final String label;
        Cause(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Status implements Labelled {
        APPLIED("已申请 / Applied"), RETURNED("退回补正 / Returned for correction"), ANNOUNCED("公示中 / Under announcement"),
        REGISTERED("已建档立卡 / Registered"), REJECTED("未通过 / Rejected"),
        EXITED("已脱贫 / Exited"),
        /** Never registered as poor, entered by return-to-poverty monitoring (边缘易致贫户 / 突发严重困难户). */
        MONITORED("监测户（未建档）/ Monitored, never registered");
        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }

        /** A person in a household of this status may not appear in another application. */
        public boolean isActive() { return this != REJECTED; }
    }

    /** Where in the procedure a decision was taken. */
    public enum Level implements Labelled {
        APPLICATION("农户申请 / Application"), PRESCREEN("预审 / Pre-screen"),
        GROUP("小组评议 / Group evaluation"), VILLAGE("村级审核 / Village review"),
        TOWNSHIP("乡镇审核 / Township review"), COUNTY("县级审定 / County review"),
        ANNOUNCEMENT("公告公示 / Public announcement"), REGISTRATION("建档立卡 / Registration"),
        ASSESSMENT("年度考核 / Annual assessment"), CONSENT("户认可 / Household consent"),
        EXIT("脱贫销号 / Exit from the register"),
        MONITORING("防返贫监测 / Return-to-poverty monitoring");
        private final String label;
        Level(String label) { this.label = label; }
        public String label() { return label; }
    }
}
