package org.precisionaid.project;

import org.precisionaid.registry.Codes.Labelled;

/** The closed vocabularies of the project registry, each value with its bilingual label. */
public final class ProjectCodes {

    private ProjectCodes() {
    }

    /**
     * The project types of the implementation plan §6-14, §19 (domain.md §2). Which county bureau reviews each
     * type is policy and lives in the DMN table {@code leadUnit} (bpmn/funding-rules.dmn), not here.
     */
    public enum ProjectType implements Labelled {
        INDUSTRY("产业扶贫 / Industry"),
        TRAINING("劳动力转移培训 / Labour and skills training"),
        RURAL_ECOMMERCE("农村服务业和电商 / Rural services and e-commerce"),
        AGRI_PROCESSING("农产品加工 / Agricultural processing"),
        NEW_BUSINESS_ENTITIES("新型经营主体 / New business entities"),
        WATER("饮水安全和农田水利 / Drinking water and irrigation"),
        ROADS("道路交通 / Roads"),
        HOUSING("危房改造 / Dilapidated housing"),
        ELECTRICITY("电力 / Electricity"),
        ECOLOGY("生态建设 / Ecology"),
        BROADBAND("宽带和邮政 / Broadband and postal"),
        VILLAGE_APPEARANCE("村容村貌 / Village appearance"),
        LAND_IMPROVEMENT("土地整治 / Land improvement"),
        EDUCATION("教育 / Education"),
        HEALTH("卫生健康 / Health"),
        CULTURE("文化 / Culture"),
        SCIENCE("科技 / Science and technology"),
        MICRO_CREDIT("扶贫小额信贷 / Micro-credit"),
        SOCIAL_ASSISTANCE("社会救助 / Social assistance");

        private final String label;

        ProjectType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a project stands; the public page shows it as the stage. */
    public enum Status implements Labelled {
        APPLIED("申报审核中 / Under review"), RETURNED("退回补正 / Returned for correction"),
        APPROVED("已批准 / Approved"), DISCLOSED("公示中 / Under public disclosure"),
        FUNDED("资金已下达 / Funds allocated"), IMPLEMENTING("实施中 / Being implemented"),
        ACCEPTED("已验收 / Accepted"), CLOSED("已完成 / Completed"), REJECTED("未通过 / Rejected");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Approved and not (yet) rejected: its budget counts against the county's available funds. */
        public boolean commitsFunds() {
            return this != APPLIED && this != RETURNED && this != REJECTED;
        }
    }

    /** Where in the procedure a decision was taken. */
    public enum Level implements Labelled {
        APPLICATION("项目申报 / Application"), VALIDATION("校验 / Validation"),
        TOWNSHIP("乡镇审核 / Township review"), COUNTY("县扶贫办审核 / County office review"),
        LEAD_UNIT("主管部门审核 / Lead-unit review"), APPROVAL("审批 / Approval"),
        DISCLOSURE("公告公示 / Public disclosure"), ALLOCATION("资金下达 / Fund allocation"),
        IMPLEMENTATION("项目实施 / Implementation"), ACCEPTANCE("项目验收 / Acceptance"),
        DISBURSEMENT("资金拨付 / Disbursement"), CLOSURE("项目完成 / Closure");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum EntryType implements Labelled {
        ALLOCATION("资金下达 / Allocation"), DISBURSEMENT("资金拨付 / Disbursement");

        private final String label;

        EntryType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
