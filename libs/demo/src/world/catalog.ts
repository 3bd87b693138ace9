/** Word lists the simulation draws names from. Product lines are ids (KPI scopes refer to them). */
export const PRODUCT_LINES = ['erp', 'crm', 'scm', 'hcm', 'bi', 'cloud'] as const;

export const PRODUCT_NAMES: Readonly<Record<(typeof PRODUCT_LINES)[number], string>> = {
  erp: 'ERP Suite',
  crm: 'CRM Cloud',
  scm: 'Supply Chain',
  hcm: 'HCM',
  bi: 'Analytics & BI',
  cloud: 'Cloud Platform',
};

export const INDUSTRIES = [
  'manufacturing',
  'retail',
  'finance',
  'energy',
  'public sector',
  'healthcare',
  'logistics',
  'telecom',
] as const;
export const REGIONS = [
  'East China',
  'North China',
  'South China',
  'Central China',
  'West China',
  'Hong Kong',
  'Singapore',
] as const;

const CUSTOMER_STEMS = [
  'Huaxin',
  'Jinghai',
  'Longsheng',
  'Tianyu',
  'Minghua',
  'Zhongke',
  'Hengtai',
  'Xinda',
  'Ruifeng',
  'Baolong',
  'Kaiyuan',
  'Shengda',
  'Yongxin',
  'Dongfang',
  'Haitong',
  'Guotai',
];
const CUSTOMER_KINDS = [
  'Group',
  'Holdings',
  'Manufacturing',
  'Logistics',
  'Bank',
  'Energy',
  'Retail',
  'Pharma',
  'Telecom',
  'Motors',
];
export const CUSTOMERS: readonly string[] = CUSTOMER_STEMS.flatMap((stem) =>
  CUSTOMER_KINDS.map((kind) => `${stem} ${kind}`),
);

const FAMILY = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Zhao',
  'Huang',
  'Zhou',
  'Wu',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'Lin',
  'He',
  'Gao',
  'Luo',
];
const GIVEN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Lei',
  'Qiang',
  'Yan',
  'Jun',
  'Yang',
  'Tao',
  'Ming',
  'Chao',
  'Xia',
  'Hui',
  'Ping',
  'Gang',
  'Hong',
  'Bin',
  'Li',
];
export const PERSON_NAMES: readonly string[] = FAMILY.flatMap((family) => GIVEN.map((given) => `${family} ${given}`));

export const SKILLS = [
  'SAP FI',
  'SAP MM',
  'Kubernetes',
  'Solution architecture',
  'Data modelling',
  'Integration',
  'Security',
  'Pricing',
  'Bid writing',
  'Demo craft',
  'Process mining',
  'Cloud migration',
] as const;

export const COMPETITORS = [
  'Kingdee',
  'Yonyou',
  'Oracle',
  'SAP',
  'Salesforce',
  'Workday',
  'Inspur',
  'a local integrator',
] as const;

export const REQUIREMENT_TITLES = [
  'Multi-entity consolidation',
  'Single sign-on with the corporate directory',
  'Mobile approval workflow',
  'Real-time inventory visibility',
  'Bilingual (Chinese/English) user interface',
  'Golden tax interface',
  'On-premise deployment option',
  'Data residency in mainland China',
  'Open API for the MES',
  'Role-based dashboards',
  '99.9% availability SLA',
  'Integration with WeCom',
  'Batch and serial tracking',
  'Payroll for 20,000 employees',
  'Customer 360 view',
  'Audit trail for every change',
  'Disaster recovery in a second region',
] as const;

export const SECTION_TITLES = [
  'Executive summary',
  'Technical solution',
  'Implementation plan',
  'Project team',
  'Service levels',
  'Security and compliance',
  'Reference cases',
  'Commercial terms',
] as const;

export const ASSET_TITLES = [
  'Solution template',
  'Case study',
  'Standard RFP answers',
  'Demo script',
  'Pricing model',
] as const;

export const GAP_TITLES = [
  'No native e-invoicing',
  'Missing offline mode',
  'No multi-currency consolidation',
  'Limited Chinese localisation',
  'No on-premise option',
  'Batch performance above 1M rows',
  'No built-in IoT connector',
] as const;
