package org.vigil.bench;

/**
 * Word and phrase pools for the synthetic corpus. Topic words recur with skewed frequency (pools
 * are drawn with a bias to their first entries) so that queries have realistic selectivity: a few
 * words are in most articles, city names in a few percent.
 */
final class Vocabulary {
  private Vocabulary() {}

  static final String[] EN_CITIES = {
    "New York",
    "Toronto",
    "London",
    "Rotterdam",
    "Amsterdam",
    "Milan",
    "Rome",
    "Paris",
    "Madrid",
    "Prague",
    "Dublin",
    "Frankfurt",
    "Budapest",
    "Vancouver",
    "Sydney",
    "Tokyo",
    "Seoul",
    "Lisbon",
    "Athens",
    "Vienna",
    "Stockholm",
    "Oslo",
    "Johannesburg",
    "Buenos Aires",
    "Manhattan",
    "Glasgow",
    "Florence",
    "Barcelona",
    "Zagreb",
    "Bratislava",
    "Auckland",
    "Houston"
  };
  static final String[] EN_COUNTRIES = {
    "China",
    "the Netherlands",
    "Canada",
    "the United States",
    "Italy",
    "Spain",
    "Ireland",
    "Germany",
    "Hungary",
    "the Czech Republic",
    "Australia",
    "Japan",
    "South Korea",
    "Portugal",
    "Greece",
    "Austria",
    "Sweden",
    "Norway",
    "South Africa",
    "Argentina",
    "Croatia",
    "Serbia"
  };
  static final String[] EN_BUREAUS = {
    "Fuzhou Public Security Bureau", "Qingtian Public Security Bureau",
    "Nantong Public Security Bureau", "Wenzhou Public Security Bureau",
    "Ministry of Public Security", "United Front Work Department",
    "Overseas Chinese Affairs Office", "provincial police bureau"
  };
  static final String[] EN_ASSOCIATIONS = {
    "hometown association",
    "Fujianese association",
    "chamber of commerce",
    "Chinese students and scholars association",
    "overseas Chinese federation",
    "cultural association",
    "Qingtian association",
    "friendship society"
  };
  static final String[] EN_ACTORS = {
    "Investigators",
    "Police",
    "Prosecutors",
    "Officials",
    "Human rights groups",
    "Journalists",
    "Researchers",
    "Lawmakers",
    "A spokesperson for the embassy",
    "Local residents",
    "Community leaders",
    "Diaspora activists",
    "The foreign ministry",
    "Intelligence services"
  };
  static final String[] EN_VERBS = {
    "said",
    "reported",
    "alleged",
    "confirmed",
    "denied",
    "found",
    "warned",
    "claimed",
    "disclosed",
    "argued",
    "suggested",
    "concluded"
  };
  static final String[] EN_CLAIMS = {
    "an overseas police service station operated from an office in {city}",
    "the {assoc} had close links to the {bureau}",
    "dissidents in {city} were pressured to return to {country}",
    "relatives of activists in {country} were questioned by police",
    "the station offered driving licence renewals and other administrative services",
    "the investigation into the police station in {city} was still ongoing",
    "officers from the {bureau} had visited {city} several times",
    "the {assoc} denied any involvement in policing activities",
    "so-called persuade to return operations targeted people living in {country}",
    "the premises in {city} were closed after the investigation began",
    "at least two people had been charged with acting as agents of a foreign government",
    "surveillance of students in {city} had increased in recent years",
    "the embassy of {country} described the reports as groundless",
    "the stations were part of a wider campaign of transnational repression",
    "a volunteer at the {assoc} in {city} collected personal information",
    "the police service station was registered as a community centre"
  };
  // general news, combined subject + action + object + time, so most of a text is not about the
  // topic and the vocabulary is wider than the topic's
  static final String[] EN_GEN_SUBJECTS = {
    "The city council", "The transport authority", "A local bakery", "The regional hospital",
    "The football club", "The university", "A group of parents", "The weather service",
    "The national museum", "A property developer", "The fire brigade", "The central bank",
    "A popular restaurant", "The energy company", "The tourism board", "The school district",
    "A software startup", "The port authority", "The orchestra", "The farmers' union"
  };
  static final String[] EN_GEN_ACTIONS = {
    "announced plans to expand",
    "postponed a decision on",
    "published a report on",
    "received complaints about",
    "raised prices for",
    "opened a consultation on",
    "celebrated the anniversary of",
    "cut the budget for",
    "invested heavily in",
    "launched a campaign about",
    "reviewed the safety of",
    "hired new staff for",
    "debated the future of",
    "won an award for",
    "warned customers about",
    "renovated"
  };
  static final String[] EN_GEN_OBJECTS = {
    "the cycling network", "its summer programme", "the harbour front", "public libraries",
    "electric buses", "the housing estate", "the botanical garden", "night trains",
    "the water supply", "local bakeries", "the jazz festival", "rooftop solar panels",
    "the children's ward", "youth football", "the old brewery", "street lighting",
    "the ferry service", "recycling centres", "the marathon route", "affordable flats",
    "the ice rink", "wind turbines", "the farmers' market", "heritage buildings"
  };
  static final String[] EN_GEN_TIMES = {
    "on Monday",
    "last week",
    "this spring",
    "after months of delays",
    "for the third year",
    "despite criticism",
    "ahead of the elections",
    "earlier this year",
    "in a brief statement",
    "following a public meeting"
  };
  static final String[] ZH_GEN_SUBJECTS = {
    "市议会", "交通管理局", "一家本地面包店", "地区医院", "足球俱乐部", "大学", "一群家长", "气象部门",
    "国家博物馆", "一家开发商", "消防队", "中央银行", "一家知名餐厅", "能源公司", "旅游局", "学区",
    "一家软件初创企业", "港务局", "交响乐团", "农民协会"
  };
  static final String[] ZH_GEN_ACTIONS = {
    "宣布计划扩大", "推迟决定", "发布报告介绍", "收到投诉涉及", "提高价格", "就此征求意见", "庆祝成立周年", "削减预算", "大力投资", "发起宣传活动",
    "审查安全", "招聘新员工", "讨论未来", "获奖", "提醒顾客注意", "翻新"
  };
  static final String[] ZH_GEN_OBJECTS = {
    "自行车道网络", "夏季节目", "海滨地区", "公共图书馆", "电动巴士", "住宅小区", "植物园", "夜间列车",
    "供水系统", "本地面包店", "爵士音乐节", "屋顶太阳能板", "儿童病房", "青少年足球", "老酿酒厂", "街道照明",
    "渡轮服务", "回收中心", "马拉松路线", "经济适用房", "溜冰场", "风力发电机", "农贸市场", "历史建筑"
  };
  static final String[] ZH_GEN_TIMES = {
    "周一", "上周", "今年春天", "在拖延数月之后", "连续第三年", "尽管受到批评", "在选举前", "今年早些时候", "在一份简短声明中", "在一次公开会议后"
  };

  static final String[] EN_TITLES = {
    "Police investigate overseas police station in {city}",
    "Secret Chinese police station found in {city}, report says",
    "{assoc} denies links to {bureau}",
    "How {country} responded to claims of overseas police stations",
    "Dissidents in {city} describe pressure to return home",
    "Investigation into {city} police service station widens",
    "Lawmakers in {country} demand answers on transnational repression",
    "Two charged over illegal police station in {city}"
  };
  static final String[] EN_AUTHORS = {
    "Anna Becker",
    "James Liu",
    "Maria Rossi",
    "Tom Evans",
    "Sofia Novak",
    "David Chen",
    "Laura Martin",
    "Peter Wong",
    "Elena García",
    "Michael O'Brien"
  };

  static final String[] ZH_CITIES = {
    "纽约", "多伦多", "伦敦", "鹿特丹", "阿姆斯特丹", "米兰", "罗马", "巴黎", "马德里", "布拉格", "都柏林", "法兰克福", "布达佩斯", "温哥华",
    "悉尼", "东京", "首尔", "里斯本", "雅典", "维也纳", "斯德哥尔摩", "奥斯陆", "约翰内斯堡", "布宜诺斯艾利斯", "曼哈顿", "佛罗伦萨", "巴塞罗那",
    "萨格勒布", "奥克兰", "休斯顿"
  };
  static final String[] ZH_COUNTRIES = {
    "中国", "荷兰", "加拿大", "美国", "意大利", "西班牙", "爱尔兰", "德国", "匈牙利", "捷克",
    "澳大利亚", "日本", "韩国", "葡萄牙", "希腊", "奥地利", "瑞典", "挪威", "南非", "阿根廷"
  };
  static final String[] ZH_BUREAUS = {
    "福州市公安局", "青田县公安局", "南通市公安局", "温州市公安局", "公安部", "统战部", "侨务办公室", "省公安厅"
  };
  static final String[] ZH_ASSOCIATIONS = {
    "同乡会", "福建同乡会", "华人商会", "学生学者联合会", "华侨华人联合会", "侨团", "文化协会", "青田同乡会"
  };
  static final String[] ZH_ACTORS = {
    "调查人员", "警方", "检察官", "官员", "人权组织", "记者", "研究人员", "议员", "使馆发言人", "当地居民", "侨界人士", "异见人士", "外交部",
    "情报部门"
  };
  static final String[] ZH_VERBS = {
    "表示", "报道称", "指称", "证实", "否认", "发现", "警告", "声称", "披露", "认为", "指出"
  };
  static final String[] ZH_CLAIMS = {
    "海外警务服务站设在{city}的一间办公室内",
    "{assoc}与{bureau}关系密切",
    "身在{city}的异见人士被施压要求返回{country}",
    "活动人士在{country}的亲属遭到警方问话",
    "该服务站提供驾照更新等行政服务",
    "针对{city}警务服务站的调查仍在进行",
    "{bureau}的人员曾多次前往{city}",
    "{assoc}否认参与任何警务活动",
    "所谓劝返行动针对居住在{country}的人士",
    "调查开始后{city}的场所已被关闭",
    "至少两人被控充当外国政府代理人",
    "近年来{city}的留学生受到的监控有所增加",
    "{country}使馆称相关报道毫无根据",
    "这些服务站是跨国镇压行动的一部分",
    "{city}{assoc}的一名志愿者收集个人信息",
    "该海外警务服务站以社区中心名义登记"
  };
  static final String[] ZH_TITLES = {
    "{city}警方调查海外警务服务站",
    "报告称{city}发现秘密警务服务站",
    "{assoc}否认与{bureau}有关",
    "{country}如何回应海外警务站指控",
    "{city}异见人士讲述被劝返的压力",
    "{city}警务服务站调查范围扩大",
    "{country}议员要求就跨国镇压作出解释",
    "两人因在{city}设立非法警务站被起诉"
  };
  static final String[] ZH_AUTHORS = {"王明", "李华", "张伟", "陈静", "刘洋", "杨帆", "黄蕾", "周杰", "吴芳", "郑毅"};
  static final String[] RELATED_EN = {
    "Markets close higher after central bank decision", "Ten things to do this weekend",
    "Opinion: the housing crisis needs bold answers", "Storm warning issued for the coast",
    "Election campaign enters final week", "Review: a new opera season opens"
  };
  static final String[] RELATED_ZH = {
    "央行决定后股市收高", "本周末十件值得做的事", "评论：住房危机需要大胆对策", "沿海地区发布风暴预警", "竞选活动进入最后一周", "新歌剧季开幕"
  };
}
