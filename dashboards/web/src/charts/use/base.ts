import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);
