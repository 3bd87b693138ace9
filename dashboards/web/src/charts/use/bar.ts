import './base';
import { BarChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([BarChart, MarkLineComponent]);
