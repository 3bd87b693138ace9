import './base';
import { PieChart, ScatterChart } from 'echarts/charts';
import { use } from 'echarts/core';

use([PieChart, ScatterChart]);
