//! The starter library: common 三级 indicators of ten fields, written the way
//! county finance bureaus write them, loaded into every empty database
//! (production included). Also a few demo proposals for the demo county.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionSession,
    TransactionTrait,
};
use shared::indicators::{Comparator, Direction, Field, IndicatorSource, Level2, LibraryEntry, LibraryStatus};

use super::entity as library;
use crate::audit::{self, Actor, Change};
use crate::error::AppError;
use crate::organisations::entity as organisation;

/// How a row is scored; the texts are the usual ones of local 评分标准.
#[derive(Clone, Copy)]
enum Score {
    /// A count or amount to reach.
    Ratio,
    /// A rate with a high target.
    Rate,
    /// Must be exactly reached (usually 100%).
    Full,
    /// A ceiling (成本, 时长).
    Ceiling,
    /// An event that must not happen.
    Zero,
    /// 定性.
    Judged,
    /// 满意度.
    Survey,
}

impl Score {
    fn text(self) -> &'static str {
        match self {
            Score::Ratio => "实际完成值达到目标值的得满分；未达到的，按实际完成值/目标值×该指标分值计分",
            Score::Rate => "达到目标值的得满分；每低于目标值1个百分点扣该指标分值的10%，扣完为止",
            Score::Full => "达到目标值的得满分；未达到的，按实际完成比例×该指标分值计分",
            Score::Ceiling => "实际值不高于目标值的得满分；高于目标值的，按超出比例扣分，超出一倍及以上不得分",
            Score::Zero => "全年未发生的得满分；每发生1次扣该指标分值的50%，扣完为止",
            Score::Judged => "达成预期目标的得该指标分值的80%至100%；部分达成的得60%至80%；未达成的得60%以下",
            Score::Survey => "以问卷调查结果为准：达到目标值的得满分；每低于目标值1个百分点扣该指标分值的10%，扣完为止",
        }
    }
}

use Comparator::{AtLeast as GE, AtMost as LE, Equal as EQ, Qualitative as QL};
use Level2::{
    Ecological as ECO, EcologicalCost as ECO_COST, Economic as ECON, EconomicCost as ECON_COST, OutputCost as COST,
    Quality as QUAL, Quantity as QTY, ServiceSatisfaction as SAT, Social as SOC, Sustainable as SUS,
    Timeliness as TIME,
};
use Score::*;

type Row = (Level2, &'static str, Comparator, &'static str, &'static str, Score);

/// (二级, 名称, 指标性质, 计量单位, 参考值, 评分) by field.
const STARTER: &[(Field, &[Row])] = &[
    (
        Field::Education,
        &[
            (QTY, "受益学生人数", GE, "人", "5000", Ratio),
            (QTY, "校舍维修面积", GE, "平方米", "3000", Ratio),
            (QTY, "营养餐供餐天数", GE, "天", "200", Ratio),
            (QTY, "资助家庭经济困难学生人次", GE, "人次", "800", Ratio),
            (QTY, "新增学位数", GE, "个", "300", Ratio),
            (QTY, "教学仪器设备购置数量", GE, "台（套）", "200", Ratio),
            (QUAL, "义务教育巩固率", GE, "%", "95", Rate),
            (QUAL, "校舍维修工程验收合格率", EQ, "%", "100", Full),
            (QUAL, "资助对象认定准确率", EQ, "%", "100", Full),
            (QUAL, "学校食品安全事故发生次数", LE, "次", "0", Zero),
            (TIME, "资助资金发放及时率", GE, "%", "100", Rate),
            (TIME, "校舍维修工程按期完工率", GE, "%", "100", Rate),
            (COST, "学生营养膳食补助标准", EQ, "元/生·天", "5", Full),
            (SOC, "适龄儿童入学率", GE, "%", "99", Rate),
            (SOC, "学生营养健康状况", QL, "", "明显改善", Judged),
            (SUS, "办学条件", QL, "", "持续改善", Judged),
            (SAT, "学生及家长满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Health,
        &[
            (QTY, "基本公共卫生服务项目类别数", GE, "类", "12", Ratio),
            (QTY, "居民电子健康档案建档人数", GE, "人", "200000", Ratio),
            (QTY, "65岁及以上老年人健康管理人数", GE, "人", "15000", Ratio),
            (QTY, "家庭医生签约服务人数", GE, "人", "100000", Ratio),
            (QTY, "国家免疫规划疫苗接种人次", GE, "人次", "30000", Ratio),
            (QTY, "村卫生室运行补助覆盖村数", GE, "个", "100", Ratio),
            (QUAL, "适龄儿童国家免疫规划疫苗接种率", GE, "%", "90", Rate),
            (QUAL, "高血压患者规范管理率", GE, "%", "65", Rate),
            (QUAL, "2型糖尿病患者规范管理率", GE, "%", "65", Rate),
            (QUAL, "孕产妇系统管理率", GE, "%", "90", Rate),
            (TIME, "传染病报告及时率", GE, "%", "95", Rate),
            (COST, "人均基本公共卫生服务经费补助标准", EQ, "元/人", "89", Full),
            (SOC, "婴儿死亡率", LE, "‰", "5", Ceiling),
            (SOC, "居民健康素养水平", GE, "%", "25", Rate),
            (SOC, "群众就医负担", QL, "", "有效减轻", Judged),
            (SUS, "基层医疗卫生服务能力", QL, "", "持续提升", Judged),
            (SAT, "患者满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Agriculture,
        &[
            (QTY, "高标准农田建设面积", GE, "亩", "10000", Ratio),
            (QTY, "农作物良种推广面积", GE, "亩", "50000", Ratio),
            (QTY, "动物强制免疫数量", GE, "万头（只）", "50", Ratio),
            (QTY, "高素质农民培育人数", GE, "人", "200", Ratio),
            (QTY, "农村饮水安全巩固提升受益人口", GE, "人", "20000", Ratio),
            (QTY, "农机购置补贴受益户数", GE, "户", "500", Ratio),
            (QUAL, "高标准农田建设工程质量合格率", EQ, "%", "100", Full),
            (QUAL, "重大动物疫病免疫密度", GE, "%", "90", Rate),
            (QUAL, "农产品质量安全抽检合格率", GE, "%", "98", Rate),
            (TIME, "补贴资金兑付及时率", GE, "%", "100", Rate),
            (COST, "高标准农田亩均财政投入", LE, "元/亩", "3000", Ceiling),
            (ECON, "项目区粮食亩均增产", GE, "公斤", "50", Ratio),
            (ECON, "受益农户人均增收", GE, "元", "500", Ratio),
            (SOC, "带动脱贫人口增收人数", GE, "人", "1000", Ratio),
            (ECO, "化肥农药使用量", QL, "", "持续减少", Judged),
            (SUS, "农田灌溉设施持续发挥效益年限", GE, "年", "15", Ratio),
            (SAT, "受益农户满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Infrastructure,
        &[
            (QTY, "道路建设里程", GE, "公里", "20", Ratio),
            (QTY, "农村公路养护里程", GE, "公里", "300", Ratio),
            (QTY, "新建（改造）桥梁数量", GE, "座", "3", Ratio),
            (QTY, "老旧小区改造户数", GE, "户", "1000", Ratio),
            (QTY, "新建（改造）供排水管网长度", GE, "公里", "10", Ratio),
            (QTY, "安装路灯数量", GE, "盏", "500", Ratio),
            (QUAL, "项目验收合格率", EQ, "%", "100", Full),
            (QUAL, "工程质量安全事故发生次数", LE, "次", "0", Zero),
            (QUAL, "公路路面技术状况优良率", GE, "%", "80", Rate),
            (TIME, "项目按期开工率", GE, "%", "100", Rate),
            (TIME, "项目按期完工率", GE, "%", "100", Rate),
            (COST, "单位里程建设成本", LE, "万元/公里", "300", Ceiling),
            (COST, "工程造价控制率", LE, "%", "100", Ceiling),
            (ECON, "沿线群众出行时间缩短", GE, "分钟", "20", Ratio),
            (SOC, "受益群众人数", GE, "人", "30000", Ratio),
            (SUS, "工程设计使用年限", GE, "年", "20", Ratio),
            (SAT, "沿线群众满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::SocialSecurity,
        &[
            (QTY, "城乡低保保障人数", GE, "人", "8000", Ratio),
            (QTY, "特困人员供养人数", GE, "人", "1000", Ratio),
            (QTY, "临时救助人次", GE, "人次", "1500", Ratio),
            (QTY, "城乡居民养老保险参保人数", GE, "人", "200000", Ratio),
            (QTY, "残疾人两项补贴发放人数", GE, "人", "5000", Ratio),
            (QTY, "就业创业补贴发放人数", GE, "人", "500", Ratio),
            (QTY, "优抚对象补助人数", GE, "人", "3000", Ratio),
            (QUAL, "救助对象认定准确率", EQ, "%", "100", Full),
            (QUAL, "补贴资金社会化发放率", EQ, "%", "100", Full),
            (TIME, "补助资金按月发放率", EQ, "%", "100", Full),
            (COST, "城乡低保月人均补助标准", GE, "元/人·月", "500", Ratio),
            (SOC, "困难群众基本生活", QL, "", "得到有效保障", Judged),
            (SOC, "城镇新增就业人数", GE, "人", "2000", Ratio),
            (SOC, "符合条件对象应保尽保率", EQ, "%", "100", Full),
            (SUS, "社会救助兜底保障机制", QL, "", "持续健全", Judged),
            (SAT, "救助对象满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Training,
        &[
            (QTY, "培训人次", GE, "人次", "500", Ratio),
            (QTY, "培训班期数", GE, "期", "10", Ratio),
            (QTY, "培训天数", GE, "天", "20", Ratio),
            (QTY, "培训课时数", GE, "学时", "60", Ratio),
            (QTY, "编印培训教材数量", GE, "册", "500", Ratio),
            (QUAL, "参训人员出勤率", GE, "%", "95", Rate),
            (QUAL, "培训考核合格率", GE, "%", "90", Rate),
            (QUAL, "参训人员取得职业资格证书比例", GE, "%", "80", Rate),
            (TIME, "培训计划按时完成率", EQ, "%", "100", Full),
            (COST, "人均培训成本", LE, "元/人", "600", Ceiling),
            (COST, "培训费综合定额标准", LE, "元/人·天", "350", Ceiling),
            (SOC, "参训人员业务能力", QL, "", "明显提升", Judged),
            (SOC, "参训人员培训后就业率", GE, "%", "60", Rate),
            (SUS, "培训成果转化应用", QL, "", "持续发挥作用", Judged),
            (SAT, "参训人员满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Procurement,
        &[
            (QTY, "政府采购项目数量", GE, "个", "20", Ratio),
            (QTY, "采购设备数量", GE, "台（套）", "100", Ratio),
            (QUAL, "政府采购预算执行率", GE, "%", "95", Rate),
            (QUAL, "采购程序合规率", EQ, "%", "100", Full),
            (QUAL, "采购设备验收合格率", EQ, "%", "100", Full),
            (QUAL, "政府采购意向公开率", EQ, "%", "100", Full),
            (QUAL, "面向中小企业预留采购份额占比", GE, "%", "40", Rate),
            (TIME, "采购合同签订及时率", GE, "%", "100", Rate),
            (TIME, "采购资金支付及时率", GE, "%", "100", Rate),
            (TIME, "质疑投诉按期答复率", EQ, "%", "100", Full),
            (COST, "采购资金节约率", GE, "%", "5", Ratio),
            (COST, "采购成本控制率", LE, "%", "100", Ceiling),
            (ECON, "节约财政资金", GE, "万元", "50", Ratio),
            (ECO, "节能环保产品采购占比", GE, "%", "80", Rate),
            (SUS, "采购设备使用年限", GE, "年", "6", Ratio),
            (SAT, "采购人满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Administration,
        &[
            (QTY, "保障在编在岗人员数", GE, "人", "50", Ratio),
            (QTY, "办理公文数量", GE, "件", "1000", Ratio),
            (QTY, "开展专项督查次数", GE, "次", "12", Ratio),
            (QTY, "运维信息系统数量", GE, "个", "5", Ratio),
            (QTY, "档案数字化页数", GE, "页", "100000", Ratio),
            (QTY, "办公用房维修面积", GE, "平方米", "1000", Ratio),
            (QUAL, "信息系统正常运行率", GE, "%", "99", Rate),
            (QUAL, "资金使用合规率", EQ, "%", "100", Full),
            (QUAL, "固定资产账实相符率", EQ, "%", "100", Full),
            (TIME, "资金拨付及时率", GE, "%", "100", Rate),
            (TIME, "公文按时办结率", GE, "%", "98", Rate),
            (COST, "单位成本控制", LE, "元/人", "8000", Ceiling),
            (COST, "“三公”经费控制率", LE, "%", "100", Ceiling),
            (ECON_COST, "会议费支出", LE, "万元", "10", Ceiling),
            (SOC, "依法履职能力", QL, "", "有效提升", Judged),
            (SOC, "政务服务事项网上可办率", GE, "%", "90", Rate),
            (SUS, "部门履职保障能力", QL, "", "持续提升", Judged),
            (SAT, "服务对象满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Environment,
        &[
            (QTY, "植树造林面积", GE, "亩", "5000", Ratio),
            (QTY, "污水处理量", GE, "万吨", "300", Ratio),
            (QTY, "生活垃圾清运量", GE, "吨", "20000", Ratio),
            (QTY, "农村人居环境整治村数", GE, "个", "30", Ratio),
            (QTY, "水土流失治理面积", GE, "平方公里", "10", Ratio),
            (QTY, "新建农村户用卫生厕所数量", GE, "户", "1000", Ratio),
            (QUAL, "污水处理厂出水水质达标率", EQ, "%", "100", Full),
            (QUAL, "造林成活率", GE, "%", "85", Rate),
            (QUAL, "生活垃圾无害化处理率", GE, "%", "95", Rate),
            (TIME, "环境问题整改按期完成率", EQ, "%", "100", Full),
            (COST, "吨水处理成本", LE, "元/吨", "1.2", Ceiling),
            (ECO, "城区空气质量优良天数比例", GE, "%", "90", Rate),
            (ECO, "森林覆盖率", GE, "%", "55", Rate),
            (ECO, "县控以上断面水质达标率", EQ, "%", "100", Full),
            (ECO, "化学需氧量削减量", GE, "吨", "100", Ratio),
            (SUS, "区域生态环境质量", QL, "", "持续改善", Judged),
            (ECO_COST, "项目实施对生态环境的不利影响", QL, "", "无明显不利影响", Judged),
            (SAT, "周边群众满意度", GE, "%", "90", Survey),
        ],
    ),
    (
        Field::Culture,
        &[
            (QTY, "送文化下乡演出场次", GE, "场次", "100", Ratio),
            (QTY, "农村公益电影放映场次", GE, "场", "2000", Ratio),
            (QTY, "公共图书馆新增藏书量", GE, "册", "10000", Ratio),
            (QTY, "开展群众文化活动次数", GE, "次", "50", Ratio),
            (QTY, "文物保护修缮面积", GE, "平方米", "500", Ratio),
            (QTY, "旅游宣传推介活动次数", GE, "次", "6", Ratio),
            (QUAL, "公共文化场馆免费开放率", EQ, "%", "100", Full),
            (QUAL, "文物修缮工程验收合格率", EQ, "%", "100", Full),
            (TIME, "文化活动按计划完成率", GE, "%", "100", Rate),
            (COST, "每场演出补助标准", LE, "元/场", "5000", Ceiling),
            (ECON, "接待游客人次增长率", GE, "%", "10", Ratio),
            (ECON, "旅游综合收入", GE, "万元", "50000", Ratio),
            (SOC, "公共文化设施年服务人次", GE, "万人次", "20", Ratio),
            (SOC, "群众精神文化生活", QL, "", "更加丰富", Judged),
            (SUS, "文化遗产保护传承", QL, "", "持续加强", Judged),
            (SAT, "群众满意度", GE, "%", "90", Survey),
        ],
    ),
];

/// The starter set as library entries. `≤` indicators are 反向, the rest 正向.
pub fn entries() -> Vec<LibraryEntry> {
    STARTER
        .iter()
        .flat_map(|(field, rows)| {
            rows.iter().map(move |(level2, name, comparator, unit, reference, score)| LibraryEntry {
                level2: *level2,
                field: *field,
                name: (*name).to_owned(),
                comparator: *comparator,
                unit: (*unit).to_owned(),
                reference_value: (*reference).to_owned(),
                scoring_standard: score.text().to_owned(),
                direction: if *comparator == LE { Direction::Negative } else { Direction::Positive },
            })
        })
        .collect()
}

/// Loads the starter set when the library is empty. Safe to call at every
/// start; if another instance loads it at the same moment, its copy stands.
pub async fn ensure_loaded<C: ConnectionTrait + TransactionTrait>(db: &C) -> anyhow::Result<()> {
    if library::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    match load(db).await {
        Ok(count) => {
            tracing::info!(count, "indicator library loaded with the starter set");
            Ok(())
        }
        Err(err) if library::Entity::find().count(db).await? > 0 => {
            tracing::info!(error = %err, "indicator library was loaded concurrently");
            Ok(())
        }
        Err(err) => Err(err),
    }
}

async fn load<C: ConnectionTrait + TransactionTrait>(db: &C) -> anyhow::Result<usize> {
    let now = Utc::now();
    let rows: Vec<library::ActiveModel> = entries()
        .iter()
        .map(|e| library::ActiveModel::new_entry(e, IndicatorSource::Library, LibraryStatus::Active, None, now))
        .collect();
    let txn = crate::tx::begin(db).await?;
    for chunk in rows.chunks(100) {
        library::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    let system = Actor { id: None, name: "system".into() };
    let summary = serde_json::json!({ "starterEntries": rows.len() });
    let change = Change {
        operation: "indicator.starter",
        object_type: "library_indicator",
        object_id: None,
        before: None,
        after: Some(summary),
    };
    audit::record(&txn, system, change).await.map_err(|e| match e {
        AppError::Internal(source) => source,
        other => anyhow::anyhow!(other.message()),
    })?;
    txn.commit().await?;
    Ok(rows.len())
}

/// Demo proposals (特性指标) of 县教育局 (D-JKW-01) and 城关镇 (T-01): two
/// waiting for the 绩效股, one already refused.
pub async fn seed_demo_proposals(db: &impl ConnectionTrait) -> anyhow::Result<()> {
    let proposals: [(&str, LibraryEntry, Option<&str>); 4] = [
        ("D-JKW-01", demo(Field::Education, QTY, "乡村学校少年宫开展活动次数", GE, "次", "40", Ratio), None),
        ("D-JKW-01", demo(Field::Education, QUAL, "县域义务教育优质均衡发展达标学校占比", GE, "%", "60", Rate), None),
        ("T-01", demo(Field::Environment, QUAL, "场镇背街小巷保洁覆盖率", EQ, "%", "100", Full), None),
        (
            "T-01",
            demo(Field::Infrastructure, QTY, "村组便民桥修缮数量", GE, "座", "2", Ratio),
            Some("与共性指标“新建（改造）桥梁数量”重复，请直接选用共性指标"),
        ),
    ];
    let now = Utc::now();
    for (code, entry, refusal) in proposals {
        let org = organisation::Entity::find()
            .filter(organisation::Column::Code.eq(code))
            .one(db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no organisation {code}"))?;
        let status = if refusal.is_some() { LibraryStatus::Refused } else { LibraryStatus::Proposed };
        let mut row =
            library::ActiveModel::new_entry(&entry, IndicatorSource::Characteristic, status, Some(org.id), now);
        row.refusal_reason = sea_orm::Set(refusal.map(str::to_owned));
        row.insert(db).await?;
    }
    Ok(())
}

fn demo(
    field: Field,
    level2: Level2,
    name: &str,
    comparator: Comparator,
    unit: &str,
    reference: &str,
    score: Score,
) -> LibraryEntry {
    LibraryEntry {
        level2,
        field,
        name: name.into(),
        comparator,
        unit: unit.into(),
        reference_value: reference.into(),
        scoring_standard: score.text().into(),
        direction: if comparator == LE { Direction::Negative } else { Direction::Positive },
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use shared::indicators::validate_library_entry;

    use super::*;

    #[test]
    fn the_starter_set_is_large_covers_every_field_and_passes_validation() {
        let all = entries();
        assert!(all.len() >= 150, "{} entries", all.len());
        let fields: HashSet<Field> = all.iter().map(|e| e.field).collect();
        assert_eq!(fields.len(), Field::ALL.len());
        for e in &all {
            assert_eq!(validate_library_entry(e), vec![], "{e:?}");
        }
        let names: HashSet<(Field, &str)> = all.iter().map(|e| (e.field, e.name.as_str())).collect();
        assert_eq!(names.len(), all.len(), "names are unique within a field");
        for field in Field::ALL {
            let of = |l: shared::indicators::Level1| all.iter().any(|e| e.field == *field && e.level2.level1() == l);
            assert!(
                of(shared::indicators::Level1::Output) && of(shared::indicators::Level1::Satisfaction),
                "{field:?}"
            );
        }
    }
}
