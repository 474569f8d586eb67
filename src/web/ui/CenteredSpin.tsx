import { Flex, Spin } from 'antd';

type CenteredSpinProps = { tip?: string; fullScreen?: boolean };

/** A loading indicator in the middle of its area (or of the screen). */
export function CenteredSpin({ tip, fullScreen = false }: CenteredSpinProps) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin description={tip} size="large" />
    </Flex>
  );
}
