import './base';
import { HeatmapChart, ScatterChart } from 'echarts/charts';
import { CalendarComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([HeatmapChart, ScatterChart, VisualMapComponent, CalendarComponent]);
